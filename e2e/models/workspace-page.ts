/** The highlights workspace as a user meets it: filters, the listbox of highlights, the bulk bar, the review. */
import { expect, type Locator, type Page } from '@playwright/test';
import type { HighlightColor, LecternBridge } from '../../preload/api';

export interface SeededHighlight {
  title: string;
  quote: string;
  color: HighlightColor;
  tags?: string[];
  note?: string;
}

export class WorkspacePage {
  readonly heading: Locator;
  readonly list: Locator;
  readonly options: Locator;
  readonly text: Locator;
  readonly tag: Locator;
  readonly bulkBar: Locator;
  readonly review: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: 'Highlights', level: 1 });
    this.list = page.getByRole('listbox', { name: 'Highlights' });
    this.options = this.list.getByRole('option');
    this.text = page.getByRole('searchbox', { name: 'Find in quotes and notes' });
    this.tag = page.getByRole('combobox', { name: 'Filter by tag' });
    this.bulkBar = page.getByRole('toolbar', { name: 'Selected highlights' });
    this.review = page.getByRole('region', { name: 'Review' });
  }

  async openFromLibrary(): Promise<void> {
    await this.page.getByRole('button', { name: 'Highlights', exact: true }).click();
    await expect(this.heading).toBeVisible();
  }

  colour(name: string): Locator {
    return this.page.getByRole('group', { name: 'Filter by colour' }).getByRole('button', { name });
  }

  option(text: string | RegExp): Locator {
    return this.options.filter({ hasText: text });
  }

  /** Tags the selection through the bulk bar's Tag… panel. */
  async tagSelection(tag: string): Promise<void> {
    await this.bulkBar.getByRole('button', { name: 'Tag…' }).click();
    await this.bulkBar.getByRole('combobox', { name: 'Tag' }).fill(tag);
    await this.bulkBar.getByRole('button', { name: 'Add tag' }).click();
  }

  /**
   * Highlights passages through the contract, as the reader's colour buttons do (the reader's own
   * highlighting is covered by highlights.spec.ts): this story is about what the workspace does with them.
   */
  async seed(highlights: SeededHighlight[]): Promise<void> {
    await this.page.evaluate(async (wanted) => {
      const lectern = (globalThis as unknown as { lectern: LecternBridge }).lectern;
      const listed = await lectern.listDocuments();
      if (!listed.ok) throw new Error(listed.message);
      for (const want of wanted) {
        const doc = listed.value.find((summary) => summary.title === want.title);
        if (!doc) throw new Error(`no document “${want.title}”`);
        const added = await lectern.addHighlight(doc.id, {
          color: want.color,
          quote: { type: 'TextQuoteSelector', exact: want.quote, prefix: '', suffix: '' },
          position: { type: 'TextPositionSelector', start: 0, end: want.quote.length },
          anchoredVersion: doc.textVersion,
        });
        if (!added.ok) throw new Error(added.message);
        if (want.tags) await lectern.setHighlightTags(doc.id, added.value.id, want.tags);
        if (want.note) await lectern.setHighlightNote(doc.id, added.value.id, want.note);
      }
    }, highlights);
  }
}
