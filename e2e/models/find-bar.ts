/**
 * Find in the document as a user sees it: Ctrl+F opens a search landmark with a field, a count
 * announced politely, options and buttons, all found by role and name. The marks (CSS.highlights
 * `lectern-find`, `lectern-find-current`) are read in the page: they have no accessible equivalent.
 */
import { expect, type Locator, type Page } from '@playwright/test';

/** Structural DOM types for the page-side function (the Node tsconfig has no DOM lib). */
interface PageBoundary {
  startContainer: unknown;
  startOffset: number;
  endContainer: unknown;
  endOffset: number;
}
interface PageGlobals {
  CSS: { highlights: Map<string, Set<PageBoundary>> };
  document: {
    createRange(): {
      setStart(node: unknown, offset: number): void;
      setEnd(node: unknown, offset: number): void;
      toString(): string;
    };
  };
}

/** Runs in the page: the text of each range registered under `name` (StaticRanges included). */
function markedTexts(name: string): string[] {
  const page = globalThis as unknown as PageGlobals;
  return [...(page.CSS.highlights.get(name) ?? [])].map((mark) => {
    const range = page.document.createRange();
    range.setStart(mark.startContainer, mark.startOffset);
    range.setEnd(mark.endContainer, mark.endOffset);
    return range.toString();
  });
}

export class FindBarModel {
  readonly bar: Locator;
  readonly field: Locator;
  readonly status: Locator;
  readonly next: Locator;
  readonly previous: Locator;
  readonly highlight: Locator;
  readonly close: Locator;
  readonly matchCase: Locator;
  readonly wholeWords: Locator;

  constructor(readonly page: Page) {
    this.bar = page.getByRole('search', { name: 'Find in document' });
    this.field = this.bar.getByRole('searchbox', { name: 'Find' });
    this.status = this.bar.getByRole('status');
    this.next = this.bar.getByRole('button', { name: 'Next match' });
    this.previous = this.bar.getByRole('button', { name: 'Previous match' });
    this.highlight = this.bar.getByRole('button', { name: 'Highlight match' });
    this.close = this.bar.getByRole('button', { name: 'Close find' });
    this.matchCase = this.bar.getByRole('button', { name: 'Match case' });
    this.wholeWords = this.bar.getByRole('button', { name: 'Whole words only' });
  }

  /** Ctrl+F (Cmd+F on a Mac), from wherever focus is in the reader. */
  async open(): Promise<void> {
    await this.page.keyboard.press('ControlOrMeta+f');
    await expect(this.field).toBeFocused();
  }

  /** Types a query (replacing the last one) and waits for the count. */
  async search(query: string, count: string | RegExp): Promise<void> {
    await this.field.fill(query);
    await expect(this.status).toHaveText(count);
  }

  /** The texts marked as matches, and the one marked current. */
  async marks(): Promise<{ all: string[]; current: string[] }> {
    return {
      all: await this.page.evaluate(markedTexts, 'lectern-find'),
      current: await this.page.evaluate(markedTexts, 'lectern-find-current'),
    };
  }
}
