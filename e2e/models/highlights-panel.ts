/**
 * Highlighting as a user sees it: the floating "Highlight" toolbar over a selection, the
 * "Selected highlight" popover, the chooser for overlapping highlights and the "Highlights"
 * side panel. Selecting text and reading the painted ranges (CSS.highlights) run in the page:
 * neither has an accessible equivalent.
 */
import { expect, type Locator, type Page } from '@playwright/test';
import type { ReaderPage } from './reader-page';

/** Structural DOM types for the page-side functions (the Node tsconfig has no DOM lib). */
interface PageNode {
  nodeValue: string | null;
  parentElement: { scrollIntoView(options: object): void } | null;
}
interface PageRange {
  setStart(node: PageNode, offset: number): void;
  setEnd(node: PageNode, offset: number): void;
  getClientRects(): ArrayLike<{ left: number; top: number; width: number; height: number }>;
  toString(): string;
  startContainer: PageNode;
  startOffset: number;
}
interface PageElement {
  querySelector(selector: string): PageElement | null;
  textContent: string | null;
  getRootNode(): { getSelection?: () => PageSelection | null };
}
interface PageSelection {
  removeAllRanges(): void;
  addRange(range: PageRange): void;
}
interface PageGlobals {
  document: {
    createRange(): PageRange;
    createTreeWalker(root: PageElement, what: number): { nextNode(): PageNode | null };
    getSelection(): PageSelection | null;
  };
  CSS: { highlights: Map<string, Set<PageRange>> };
}

interface QuoteQuery {
  quote: string;
  occurrence: number;
  select: boolean;
}

/** Runs in the page: selects the `occurrence`-th match of `quote` in the document's text; returns its first line box. */
function selectQuote(article: PageElement, { quote, occurrence, select }: QuoteQuery) {
  const page = globalThis as unknown as PageGlobals;
  const root = article.querySelector('.sections');
  if (!root) throw new Error('no sections');
  const text = root.textContent ?? '';
  let start = -1;
  for (let i = 0; i <= occurrence; i++) start = text.indexOf(quote, start + 1);
  if (start < 0) throw new Error(`“${quote}” is not in the text`);
  const end = start + quote.length;
  const range = page.document.createRange();
  const walker = page.document.createTreeWalker(root, 4);
  let offset = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const length = node.nodeValue?.length ?? 0;
    if (start >= offset && start < offset + length) {
      range.setStart(node, start - offset);
      node.parentElement?.scrollIntoView({ block: 'center' });
    }
    if (end > offset && end <= offset + length) range.setEnd(node, end - offset);
    offset += length;
  }
  if (select) {
    const selection = article.getRootNode().getSelection?.() ?? page.document.getSelection();
    selection?.removeAllRanges();
    selection?.addRange(range);
  }
  const rects = Array.from(range.getClientRects()).filter((r) => r.width > 0);
  const first = rects[0];
  const last = rects[rects.length - 1];
  if (!first || !last) return null;
  // Plain objects: a DOMRect's fields are getters, which do not serialize.
  return {
    first: { left: first.left, top: first.top, width: first.width, height: first.height },
    last: { left: last.left, top: last.top, width: last.width, height: last.height },
  };
}

/** Runs in the page: where every painted range starts in the document's text, by highlight name. */
function paintedStarts(article: PageElement): Record<string, number[]> {
  const page = globalThis as unknown as PageGlobals;
  const root = article.querySelector('.sections');
  const out: Record<string, number[]> = {};
  for (const [name, highlight] of page.CSS.highlights) {
    out[name] = [...highlight].map((range) => {
      const before = page.document.createRange();
      before.setStart(root as unknown as PageNode, 0);
      before.setEnd(range.startContainer, range.startOffset);
      return before.toString().length;
    });
  }
  return out;
}

/** Runs in the page: where each occurrence of `quote` starts in the document's text. */
function occurrences(article: PageElement, quote: string): number[] {
  const text = article.querySelector('.sections')?.textContent ?? '';
  const starts: number[] = [];
  for (let at = text.indexOf(quote); at >= 0; at = text.indexOf(quote, at + 1)) starts.push(at);
  return starts;
}

/** Runs in the page: the text of every painted range, by highlight name. */
function paintedRanges(): Record<string, string[]> {
  const page = globalThis as unknown as PageGlobals;
  const out: Record<string, string[]> = {};
  for (const [name, highlight] of page.CSS.highlights)
    out[name] = [...highlight].map((range) => range.toString());
  return out;
}

export class HighlightsPanel {
  readonly toggle: Locator;
  readonly panel: Locator;
  readonly toolbar: Locator;
  readonly popover: Locator;
  readonly chooser: Locator;
  readonly page: Page;

  constructor(readonly reader: ReaderPage) {
    this.page = reader.page;
    this.toggle = this.page.getByRole('button', { name: 'Highlights', exact: true });
    this.panel = this.page.getByRole('complementary', { name: 'Highlights' });
    this.toolbar = this.page.getByRole('toolbar', { name: 'Highlight', exact: true });
    this.popover = this.page.getByRole('toolbar', { name: 'Selected highlight' });
    this.chooser = this.page.getByRole('dialog', { name: 'Choose a highlight' });
  }

  async open(): Promise<void> {
    if (!(await this.panel.isVisible())) await this.toggle.click();
    await expect(this.panel).toBeVisible();
    await expect(this.toggle).toHaveAttribute('aria-expanded', 'true');
  }

  /** The placed highlights' buttons, in document order (not their Add/Edit note buttons). */
  get items(): Locator {
    return this.panel
      .getByRole('list', { name: 'Highlights in document order' })
      .getByRole('button')
      .filter({ hasNotText: /^\s*(Add|Edit) note\s*$/ });
  }

  /** The highlights to check, at the top of the panel. */
  get toCheckItems(): Locator {
    return this.panel.getByRole('list', { name: 'Highlights to check' }).getByRole('listitem');
  }

  get unplacedItems(): Locator {
    return this.panel.getByRole('list', { name: 'Unplaced highlights' }).getByRole('listitem');
  }

  /** Selects a passage the way a script would (then the user may extend it with the keyboard). */
  async select(quote: string, occurrence = 0) {
    const box = await this.reader.text.evaluate(
      selectQuote as (el: unknown, arg: QuoteQuery) => ReturnType<typeof selectQuote>,
      { quote, occurrence, select: true },
    );
    await expect(this.toolbar).toBeVisible();
    return box;
  }

  /** Where a passage is on screen (scrolled to the middle first). */
  async boxOf(quote: string, occurrence = 0) {
    const box = await this.reader.text.evaluate(
      selectQuote as (el: unknown, arg: QuoteQuery) => ReturnType<typeof selectQuote>,
      { quote, occurrence, select: false },
    );
    if (!box) throw new Error(`“${quote}” is not on screen`);
    return box;
  }

  /** Drags the mouse across a passage, as a reader selects it. */
  async dragOver(quote: string): Promise<void> {
    const { first, last } = await this.boxOf(quote);
    await this.page.mouse.move(first.left + 1, first.top + first.height / 2);
    await this.page.mouse.down();
    await this.page.mouse.move(last.left + last.width / 2, last.top + last.height / 2, { steps: 6 });
    await this.page.mouse.move(last.left + last.width - 1, last.top + last.height / 2, { steps: 4 });
    await this.page.mouse.up();
    await expect(this.toolbar).toBeVisible();
  }

  async highlightAs(label: string): Promise<void> {
    await this.toolbar.getByRole('button', { name: `Highlight as ${label}` }).click();
    await expect(this.toolbar).toBeHidden();
  }

  /** Clicks on a passage (inside a highlight). */
  async clickOn(quote: string, occurrence = 0, at = 0.5): Promise<void> {
    const { first } = await this.boxOf(quote, occurrence);
    await this.page.mouse.click(first.left + first.width * at, first.top + first.height / 2);
  }

  /** A floating control hides none of the passage's lines and stays inside the reading area. */
  async expectClearOf(control: Locator, quote: string, occurrence = 0): Promise<void> {
    const clear = async () => {
      const { first, last } = await this.boxOf(quote, occurrence);
      const box = await control.boundingBox();
      const area = await this.reader.readingArea.boundingBox();
      if (!box || !area) return 'not on screen';
      const inside =
        box.x >= area.x &&
        box.y >= area.y &&
        box.x + box.width <= area.x + area.width &&
        box.y + box.height <= area.y + area.height;
      const aboveFirst = box.y + box.height <= first.top;
      const belowLast = box.y >= last.top + last.height;
      if (!inside) return 'outside the reading area';
      return aboveFirst || belowLast ? 'clear' : 'over the passage';
    };
    await expect.poll(clear, { message: `${control} clear of “${quote}”` }).toBe('clear');
  }

  /** The text of every painted range, by name (`lectern-yellow`, `lectern-selected`, ...). */
  async painted(): Promise<Record<string, string[]>> {
    return this.page.evaluate(paintedRanges);
  }

  /** Where each painted range starts in the document's text, by name. */
  async paintedStarts(): Promise<Record<string, number[]>> {
    return this.reader.text.evaluate(paintedStarts as (el: unknown) => Record<string, number[]>);
  }

  /** Where each occurrence of `quote` starts in the document's text. */
  async occurrencesOf(quote: string): Promise<number[]> {
    return this.reader.text.evaluate(occurrences as (el: unknown, q: string) => number[], quote);
  }

  /** All painted highlight texts of the six colours, sorted. */
  async paintedTexts(): Promise<string[]> {
    const painted = await this.painted();
    return Object.entries(painted)
      .filter(([name]) => !['lectern-selected', 'lectern-flash'].includes(name))
      .flatMap(([, texts]) => texts)
      .toSorted();
  }
}
