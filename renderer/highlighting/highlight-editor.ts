/**
 * What the highlight commands see of the open document (read-only) and the changes they may ask
 * the controller, the state's one owner, to make; plus the selection described on the placed text.
 */
import type {
  Highlight,
  HighlightColor,
  LecternBridge,
  TextPositionSelector,
  TextQuoteSelector,
} from '../../preload/api';
import { describeRange } from '../../common/anchoring/describe';
import type { ToastInit } from '../lib/events';
import type { Citation } from './citation';
import type { TextSpan } from './text-map';

/** One open document's highlights as the commands see them: read-only. */
export interface HighlightsView {
  readonly documentId: string;
  readonly textVersion: string;
  /** True once the whole text is rendered and the highlights are placed. */
  readonly placed: boolean;
  readonly records: ReadonlyMap<string, Highlight>;
  readonly textMap: { readonly text: string };
  spanOf(id: string): TextSpan | null;
  /** A highlight to check's candidate places, best first. */
  candidatesOf(id: string): TextSpan[];
}

/** What the commands read, and the changes they ask the controller (the state's one owner) to make. */
export interface HighlightEditor {
  api(): LecternBridge;
  /** The open document's highlights; null when none is open. */
  highlights(): HighlightsView | null;
  /** The selected text's span, read fresh (the selection may have moved since the last frame). */
  selectedSpan(): TextSpan | null;
  labels(): Record<HighlightColor, string>;
  /** Stores `highlight` at `span` in `view`, if `view` is still the open document's. */
  put(view: HighlightsView, highlight: Highlight, span: TextSpan | null): void;
  /** Removes a highlight from `view`; `replacedBy` (a provisional one's stored record) takes its place. */
  remove(view: HighlightsView, id: string, replacedBy?: Highlight): void;
  /** Brings a highlight into view (it moved), without taking focus. */
  reveal(view: HighlightsView, id: string): void;
  /** The selection became a highlight: clear it. */
  selectionUsed(): void;
  /** Selects an existing highlight (its popover opens), as a click on it does. */
  choose(view: HighlightsView, id: string): void;
  /** Where a highlight is from: the document's title and author, the heading it sits under. */
  citation(view: HighlightsView, id: string): Citation;
  colorUsed(color: HighlightColor): void;
  notice(message: string): void;
  toast(init: ToastInit): void;
}

export type Selectors = { quote: TextQuoteSelector; position: TextPositionSelector };

/** The selection, described on the placed text (null when there is none or the text is not placed). */
export function selectedText(
  editor: HighlightEditor,
): { view: HighlightsView; span: TextSpan; selectors: Selectors } | null {
  const view = editor.highlights();
  const span = editor.selectedSpan();
  if (!view?.placed || !span) return null;
  return { view, span, selectors: describeRange(view.textMap.text, span.start, span.end) };
}
