/** Links in notes: the `[[` autocomplete, rendered links, "Linked from", margin markers, Broken links. */
import { expect, type Locator, type Page } from '@playwright/test';

export class LinksModel {
  readonly suggestions: Locator;
  readonly brokenList: Locator;

  constructor(readonly page: Page) {
    this.suggestions = page.getByRole('listbox', { name: 'Link to' });
    this.brokenList = page.getByRole('list', { name: 'Broken links' });
  }

  /** Types `[[` and a query in a textarea, then picks the suggestion named `title` with the keyboard. */
  async linkTo(textarea: Locator, query: string, title: string | RegExp): Promise<void> {
    await textarea.pressSequentially(`[[${query}`);
    const option = this.suggestions.getByRole('option', { name: title });
    await expect(option).toBeVisible();
    const options = this.suggestions.getByRole('option');
    for (let i = 0; i < (await options.count()); i++) {
      if ((await option.getAttribute('aria-selected')) === 'true') break;
      await textarea.press('ArrowDown');
    }
    await expect(option).toHaveAttribute('aria-selected', 'true');
    await textarea.press('Enter');
    await expect(this.suggestions).toBeHidden();
  }

  /** A rendered link in a note's preview. */
  link(preview: Locator, name: string | RegExp): Locator {
    return preview.getByRole('link', { name });
  }

  linkedFrom(scope: Locator | Page): Locator {
    return scope.getByRole('region', { name: 'Linked from' });
  }

  marker(count = 1): Locator {
    return this.page.getByRole('button', {
      name: `Passage linked from ${count} note${count === 1 ? '' : 's'}`,
    });
  }

  async openBrokenLinks(): Promise<void> {
    await this.page.getByRole('button', { name: 'Broken links' }).click();
    await expect(this.page.getByRole('heading', { name: 'Broken links' })).toBeVisible();
  }
}
