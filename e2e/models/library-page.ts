/**
 * The library view as a user sees it: a toolbar (filter, sort, theme, trash, import) and a
 * list of documents. Found by role and accessible name only, like a screen reader would.
 */
import { expect, type Locator, type Page } from '@playwright/test';
import type { LecternTestApp } from '../harness/app';

export type ThemeName = 'System' | 'Light' | 'Dark' | 'Sepia';

export class LibraryPage {
  readonly filter: Locator;
  readonly sortBy: Locator;
  readonly importButton: Locator;
  readonly trashButton: Locator;
  /** The list of documents (each row is a listitem). */
  readonly documents: Locator;

  constructor(readonly page: Page) {
    this.filter = page.getByLabel('Filter documents');
    this.sortBy = page.getByLabel('Sort by');
    this.importButton = page.getByRole('button', { name: 'Import…' });
    this.trashButton = page.getByRole('button', { name: 'Trash', exact: true });
    this.documents = page.getByRole('listitem');
  }

  async waitUntilShown(): Promise<void> {
    await expect(this.importButton).toBeVisible();
  }

  /** The button that opens a document: its accessible name is the title. */
  openButton(title: string | RegExp): Locator {
    return this.page.getByRole('button', { name: title, exact: typeof title === 'string' });
  }

  /** The row of a document. */
  row(title: string): Locator {
    return this.documents.filter({ has: this.openButton(title) });
  }

  async open(title: string | RegExp): Promise<void> {
    await this.openButton(title).click();
  }

  /** Clicks Import… with the (stubbed) open dialog answering `paths`. */
  async importThroughDialog(
    app: Pick<LecternTestApp, 'queueDialogResult'>,
    paths: string[] | null,
  ): Promise<void> {
    await app.queueDialogResult(paths);
    await this.importButton.click();
  }

  async rename(title: string, newTitle: string): Promise<void> {
    await this.page.getByRole('button', { name: `Rename “${title}”` }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Rename document' });
    await dialog.getByLabel('New title').fill(newTitle);
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog).toBeHidden();
  }

  /** Asks to delete; returns the confirmation dialog (not yet answered). */
  async askToDelete(title: string): Promise<Locator> {
    await this.page.getByRole('button', { name: `Delete “${title}”` }).click();
    const dialog = this.page.getByRole('dialog');
    await expect(dialog).toBeVisible();
    return dialog;
  }

  async delete(title: string): Promise<void> {
    const dialog = await this.askToDelete(title);
    await dialog.getByRole('button', { name: 'Move to Trash' }).click();
    await expect(dialog).toBeHidden();
  }

  /** The library's theme button cycles System → Light → Dark → Sepia; click until it says `theme`. */
  async setTheme(theme: ThemeName): Promise<void> {
    const button = this.page.getByRole('button', { name: /^Theme: / });
    for (let i = 0; i < 4; i++) {
      if ((await button.getAttribute('aria-label')) === `Theme: ${theme}`) return;
      const before = await button.getAttribute('aria-label');
      await button.click();
      await expect(button).not.toHaveAttribute('aria-label', before ?? '');
    }
    await expect(button).toHaveAttribute('aria-label', `Theme: ${theme}`);
  }

  /** Closes every toast (for a clean screenshot). */
  async dismissToasts(): Promise<void> {
    const dismiss = this.page.getByRole('button', { name: 'Dismiss' });
    while ((await dismiss.count()) > 0) await dismiss.first().click();
  }

  /** Error toasts are alerts and stay until dismissed. */
  alert(text: string | RegExp): Locator {
    return this.page.getByRole('alert').filter({ hasText: text });
  }

  /** Success and info toasts sit in the polite status region. */
  status(text: string | RegExp): Locator {
    return this.page.getByRole('status').filter({ hasText: text });
  }

  /** Scrolls the window to `fraction` (0 to 1) of the list's scrollable height, as a scrollbar drag would. */
  async scrollToFraction(fraction: number): Promise<void> {
    await this.page.evaluate((f) => {
      const w = globalThis as unknown as {
        scrollTo(x: number, y: number): void;
        innerHeight: number;
        document: { scrollingElement: { scrollHeight: number } };
      };
      w.scrollTo(0, (w.document.scrollingElement.scrollHeight - w.innerHeight) * f);
    }, fraction);
  }
}
