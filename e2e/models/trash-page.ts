/** The trash view: deleted documents, each restorable or deletable forever. */
import { expect, type Locator, type Page } from '@playwright/test';

export class TrashPage {
  readonly backButton: Locator;

  constructor(readonly page: Page) {
    this.backButton = page.getByRole('button', { name: 'Back to library' });
  }

  restoreButton(title: string): Locator {
    return this.page.getByRole('button', { name: `Restore “${title}”` });
  }

  async restore(title: string): Promise<void> {
    await this.restoreButton(title).click();
  }

  deleteForeverButton(title: string): Locator {
    return this.page.getByRole('button', { name: `Delete “${title}” forever` });
  }

  get emptyButton(): Locator {
    return this.page.getByRole('button', { name: 'Empty trash…' });
  }

  /** Asks to delete forever (one title, or everything); returns the confirmation dialog, not yet answered. */
  async askToDeleteForever(title: string | 'all'): Promise<Locator> {
    await (title === 'all' ? this.emptyButton : this.deleteForeverButton(title)).click();
    const dialog = this.page.getByRole('dialog', { name: /forever\?$/ });
    await expect(dialog).toBeVisible();
    return dialog;
  }
}
