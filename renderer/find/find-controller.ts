/**
 * Find in the open document (Ctrl/Cmd+F), as a reactive controller and the one owner of its
 * state: the bar, the query, the matches over the reader's text map and the current one. The
 * search runs in slices (FindRunner); MatchView marks what is near the reading place. While part
 * of the text is still arriving or rendering, it counts what is there, says so, and searches again
 * until the whole text is in. It brings its own keys and paint rules, so the reader only hosts it.
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { HighlightColor } from '../../preload/api';
import type { ReaderDocument } from '../reader/reader-document';
import type { EscapeLayer } from '../reader/escape-chain';
import type { TextMap } from '../highlighting/text-map';
import { HighlightCommandEvent } from '../highlighting/events';
import { selectionOf } from '../highlighting/selection';
import { findKeyOf } from './find-keys';
import type { FindOptions, MatchList } from './find-matches';
import { FindRunner } from './find-run';
import { MatchView } from './find-view';
import { findStatusText } from './find-status';
import { FindCommandEvent, FindInputEvent } from './find-events';
import { findPaintStyles } from './find-styles';
import { foldQuery } from './fold';
import '../components/find-bar';

/** Typing settles for this long before a search starts. */
const DEBOUNCE_MS = 150;
/** While the text is partial, how often the search runs again over what has rendered since. */
const PARTIAL_RETRY_MS = 800;
/** A performance measure per search, from its start to its marks (the benchmark reads it). */
export const FIND_MEASURE = 'lectern:find';
/** A performance measure per text folded (once per document and mode), yields included. */
export const FOLD_MEASURE = 'lectern:find-fold';

/** What the controller reads from the reader. */
export interface FindHostParts {
  /** The open document's highlights: its text map (what find searches), placed once the whole text is. */
  highlights(): { readonly doc: ReaderDocument; readonly textMap: TextMap; readonly placed: boolean } | null;
  scroller(): HTMLElement | null;
  lastColor(): HighlightColor;
}

type Host = ReactiveControllerHost & HTMLElement;

export class FindController implements ReactiveController {
  private open = false;
  private query = '';
  private options: FindOptions = { matchCase: false, wholeWord: false };
  private matches: MatchList | null = null;
  private current = -1;
  private searching = false;
  /** Said in the bar's status instead of the count (why a highlight could not be made). */
  private message = '';
  private documentId = '';
  private readonly runner = new FindRunner(undefined, (ms) => {
    const end = performance.now();
    performance.measure(FOLD_MEASURE, { start: end - ms, end });
  });
  private readonly view: MatchView;
  private debounce: ReturnType<typeof setTimeout> | undefined;
  private retry: ReturnType<typeof setTimeout> | undefined;

  /** Esc closes the bar (after the reader's popovers, before its panels). */
  readonly escapeLayer: EscapeLayer = {
    name: 'find bar',
    isOpen: () => this.open,
    close: () => this.close(),
  };

  constructor(
    private readonly host: Host,
    private readonly parts: FindHostParts,
  ) {
    host.addController(this);
    this.view = new MatchView({ textMap: () => this.textMap, scroller: () => this.parts.scroller() });
  }

  hostConnected(): void {
    // The ::highlight() rules must sit in the shadow root holding the text: the reader's.
    const root = this.host.shadowRoot;
    const sheet = findPaintStyles.styleSheet;
    if (root && sheet && !root.adoptedStyleSheets.includes(sheet))
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    window.addEventListener('keydown', this.onKeyDown);
    this.host.addEventListener(FindInputEvent.eventName, this.onInput);
    this.host.addEventListener(FindCommandEvent.eventName, this.onCommand);
  }

  hostDisconnected(): void {
    window.removeEventListener('keydown', this.onKeyDown);
    this.host.removeEventListener(FindInputEvent.eventName, this.onInput);
    this.host.removeEventListener(FindCommandEvent.eventName, this.onCommand);
    this.reset();
  }

  /** Another document: the bar closes and its matches go. */
  hostUpdated(): void {
    const id = this.parts.highlights()?.doc.summary.id ?? '';
    if (id === this.documentId) return;
    this.documentId = id;
    if (this.open) this.close(false);
  }

  private get textMap(): TextMap | null {
    return this.parts.highlights()?.textMap ?? null;
  }

  /** Part of the text is not on the page yet (the highlights are placed once it all is). */
  private get partial(): boolean {
    return !this.parts.highlights()?.placed;
  }

  /** Ctrl/Cmd+F opens the bar (or selects its query), F3 and Ctrl/Cmd+G step; in the reader or from the body. */
  private readonly onKeyDown = (event: KeyboardEvent): void => {
    const key = findKeyOf(event);
    const origin = event.composedPath()[0];
    const here = event.composedPath().includes(this.host) || origin === document.body;
    if (!key || event.defaultPrevented || !here || !this.textMap) return;
    event.preventDefault();
    if (!this.open || key === 'open') this.show();
    else this.step(key === 'next' ? 1 : -1);
  };

  private show(): void {
    this.open = true;
    this.host.requestUpdate();
    void this.host.updateComplete.then(() => this.host.shadowRoot?.querySelector('find-bar')?.focus());
    // Opened again: the last query is searched again. Else the text is folded while the reader
    // types, so that the search itself only scans.
    if (this.query && !this.matches) void this.search();
    else if (this.textMap && !this.partial)
      void this.runner.prepare(this.textMap.text, this.options.matchCase);
  }

  /** Closes the bar; focus goes back to the text, which stays where it is. */
  close(focusText = true): void {
    this.reset();
    this.host.requestUpdate();
    if (focusText) this.parts.scroller()?.focus({ preventScroll: true });
  }

  private reset(): void {
    this.open = false;
    this.runner.cancel();
    clearTimeout(this.debounce);
    clearTimeout(this.retry);
    this.debounce = undefined;
    this.matches = null;
    this.current = -1;
    this.searching = false;
    this.message = '';
    this.view.dispose();
  }

  private readonly onInput = (event: FindInputEvent): void => {
    const { matchCase, wholeWord } = this.options;
    const optionChanged = event.options.matchCase !== matchCase || event.options.wholeWord !== wholeWord;
    this.query = event.query;
    this.options = event.options;
    // The old query's count would read as this one's: "Searching…" until it is in.
    this.matches = null;
    this.current = -1;
    this.searching = true;
    this.message = '';
    this.runner.cancel();
    clearTimeout(this.debounce);
    // An option is a click, not typing: no need to wait.
    this.debounce = setTimeout(() => void this.search(), optionChanged ? 0 : DEBOUNCE_MS);
    this.host.requestUpdate();
  };

  private readonly onCommand = ({ command }: FindCommandEvent): void => {
    if (command === 'close') this.close();
    else if (command === 'highlight') this.highlightCurrent();
    else this.step(command === 'next' ? 1 : -1);
  };

  /** Runs the query over the text map (now, if typing was still settling). */
  private async search(): Promise<void> {
    clearTimeout(this.debounce);
    clearTimeout(this.retry);
    this.debounce = undefined;
    const map = this.textMap;
    if (!map || !this.open) return;
    const started = performance.now();
    const text = map.text;
    // Kept across a search of a grown text: a live Range follows its text as chunks render.
    const kept = this.matches && this.current >= 0 ? this.view.rangeOf(this.matches, this.current) : null;
    this.searching = true;
    const matches = await this.runner.run(text, this.query, this.options);
    if (!matches) return; // A newer search or the bar closing came first.
    // The text grew meanwhile (chunks rendered): these offsets are of an older text.
    if (map.text !== text) return void this.search();
    const keptAt = kept && map.offsetOf(kept.startContainer, kept.startOffset);
    const keptIndex = typeof keptAt === 'number' ? matches.starts.indexOf(keptAt) : -1;
    this.matches = matches;
    this.searching = false;
    this.current = keptIndex >= 0 ? keptIndex : this.view.firstOnScreen(matches);
    if (this.partial && this.query) this.retry = setTimeout(() => void this.search(), PARTIAL_RETRY_MS);
    this.host.requestUpdate();
    this.view.show(matches, this.current, false, () => this.measure(started, matches));
  }

  /** Moves to the next (1) or previous (-1) match, round the ends. */
  private step(direction: 1 | -1): void {
    if (this.debounce !== undefined) return void this.search(); // Enter before typing settled.
    const total = this.matches?.starts.length ?? 0;
    if (!this.matches || total === 0) return;
    this.current = this.current < 0 ? 0 : (this.current + direction + total) % total;
    this.message = '';
    this.host.requestUpdate();
    this.view.show(this.matches, this.current, true);
  }

  /** Highlights the current match through the highlight commands, as if it had been selected. */
  private highlightCurrent(): void {
    const range = this.matches && this.current >= 0 ? this.view.rangeOf(this.matches, this.current) : null;
    const root = this.host.shadowRoot;
    if (!range || !root) return;
    if (this.partial) {
      this.message = 'Still loading the document: highlight in a moment';
      return this.host.requestUpdate();
    }
    const selection = selectionOf(root);
    selection?.removeAllRanges();
    selection?.addRange(range);
    this.host.dispatchEvent(new HighlightCommandEvent({ kind: 'create', color: this.parts.lastColor() }));
  }

  private measure(started: number, matches: MatchList): void {
    requestAnimationFrame(() => {
      const detail = { matches: matches.starts.length, partial: this.partial, query: this.query };
      performance.measure(FIND_MEASURE, { start: started, end: performance.now(), detail });
    });
  }

  /** The bar, while open. */
  render() {
    if (!this.open) return nothing;
    const total = this.matches?.starts.length ?? 0;
    const { searching, partial, current } = this;
    const hasQuery = foldQuery(this.query, false) !== null;
    const status = this.message || findStatusText({ hasQuery, searching, partial, total, current });
    return html`<find-bar
      .query=${this.query}
      .options=${this.options}
      .status=${status}
      .canStep=${total > 0}
    ></find-bar>`;
  }
}
