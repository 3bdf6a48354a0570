/** The search palette as a user sees it: Ctrl+K, a combobox, grouped options. */
import { type Locator, type Page, expect } from '@playwright/test';

export class SearchPaletteModel {
  readonly dialog: Locator;
  readonly input: Locator;
  readonly results: Locator;

  constructor(readonly page: Page) {
    this.dialog = page.getByRole('dialog', { name: 'Search the library' });
    this.input = this.dialog.getByRole('combobox', { name: /Search documents/ });
    this.results = this.dialog.getByRole('listbox', { name: 'Results' });
  }

  async open(): Promise<void> {
    await this.page.keyboard.press('Control+k');
    await expect(this.dialog).toBeVisible();
    await expect(this.input).toBeFocused();
  }

  async search(text: string): Promise<void> {
    await this.input.fill(text);
  }

  option(name: string | RegExp): Locator {
    return this.results.getByRole('option', { name });
  }
}
