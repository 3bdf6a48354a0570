/** The Export dialog (export many) as a reader uses it: found by role and name only. */
import type { Locator, Page } from '@playwright/test';

export class ExportDialogModel {
  readonly dialog: Locator;
  readonly preview: Locator;
  /** Which of the export's files the preview shows: `File 2 of 4: On Rivers.md, 1.2 KB`. */
  readonly previewedFile: Locator;
  /** The list of the export's files, to preview any of them. */
  readonly fileChoice: Locator;

  constructor(private readonly page: Page) {
    this.dialog = page.getByRole('dialog', { name: 'Export notes' });
    this.preview = this.dialog.getByLabel(/^Preview/);
    this.previewedFile = this.dialog.getByText(/^File \d+ of \d+:/);
    this.fileChoice = this.dialog.getByRole('combobox', { name: 'File to preview' });
  }

  /** Next file or Previous file, by keyboard. */
  async stepFile(direction: 'Next' | 'Previous'): Promise<void> {
    const button = this.dialog.getByRole('button', { name: `${direction} file` });
    await button.focus();
    await this.page.keyboard.press('Enter');
  }

  async open(): Promise<void> {
    await this.page.getByRole('button', { name: 'Export library…' }).click();
    await this.dialog.waitFor();
  }

  async chooseFormat(name: string | RegExp): Promise<void> {
    await this.dialog.getByRole('radio', { name }).check();
  }

  async typeTemplate(template: string): Promise<void> {
    await this.dialog.getByRole('textbox', { name: 'Template' }).fill(template);
  }

  /** Export… (the folder dialog is stubbed by the caller), then the report's summary. */
  async exportAll(): Promise<Locator> {
    await this.dialog.getByRole('button', { name: 'Export…' }).click();
    return this.dialog.getByRole('status');
  }

  async openFileList(): Promise<Locator> {
    await this.dialog.getByText(/^Files \(/).click();
    return this.dialog.getByRole('listitem');
  }

  async close(): Promise<void> {
    await this.dialog.getByRole('button', { name: 'Close' }).click();
  }
}
