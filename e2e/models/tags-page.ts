/** Tags as a user meets them: the tag input (combobox + chips), the library's tag filter and the tag manager. */
import { expect, type Locator, type Page } from '@playwright/test';

/** A <tag-input> found by the accessible name of its chip list. */
export class TagField {
  readonly chips: Locator;
  readonly input: Locator;
  readonly suggestions: Locator;

  constructor(scope: Locator | Page, label: string) {
    this.chips = scope.getByRole('list', { name: label }).getByRole('listitem');
    this.input = scope.getByRole('combobox', { name: 'Add a tag' });
    this.suggestions = scope.getByRole('listbox', { name: 'Suggested tags' }).getByRole('option');
  }

  /** Types a tag and accepts it with Enter. */
  async add(tag: string): Promise<void> {
    await this.input.fill(tag);
    await this.input.press('Enter');
  }
}

export class TagManagerPage {
  readonly heading: Locator;
  readonly tree: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: 'Tags', level: 1 });
    this.tree = page.getByRole('list', { name: 'Tags' });
  }

  async openFromLibrary(): Promise<void> {
    await this.page.getByRole('button', { name: 'Tags', exact: true }).click();
    await expect(this.heading).toBeVisible();
  }

  row(name: string): Locator {
    return this.tree
      .getByRole('listitem')
      .filter({ has: this.page.getByRole('button', { name: `Rename tag ${name}`, exact: true }) });
  }

  async rename(name: string, to: string): Promise<void> {
    await this.page.getByRole('button', { name: `Rename tag ${name}`, exact: true }).click();
    const dialog = this.page.getByRole('dialog', { name: `Rename tag “${name}”` });
    await dialog.getByLabel('New name').fill(to);
    await dialog.getByRole('button', { name: 'Rename' }).click();
    await expect(dialog).toBeHidden();
  }
}
