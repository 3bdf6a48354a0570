/** The trash view: deleted documents, each restorable. */
import type { Locator, Page } from '@playwright/test';

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
}
