/** The Notes view: the list of standalone notes, one open note with its editor, the notes trash. */
import { expect, type Locator, type Page } from '@playwright/test';

export class NotesPage {
  readonly newNoteButton: Locator;
  readonly filter: Locator;
  readonly list: Locator;
  readonly titleInput: Locator;
  readonly editor: Locator;
  readonly textarea: Locator;
  readonly saveStatus: Locator;
  readonly allNotesButton: Locator;

  constructor(readonly page: Page) {
    this.newNoteButton = page.getByRole('button', { name: 'New note' });
    this.filter = page.getByRole('searchbox', { name: 'Filter notes' });
    this.list = page.getByRole('list', { name: 'Notes', exact: true });
    this.titleInput = page.getByRole('textbox', { name: 'Note title' });
    this.editor = page.locator('note-editor');
    this.textarea = page.getByRole('textbox', { name: 'Note text' });
    this.saveStatus = this.editor.getByRole('status');
    this.allNotesButton = page.getByRole('button', { name: 'All notes' });
  }

  /** From the library toolbar. */
  async openFromLibrary(): Promise<void> {
    await this.page.getByRole('button', { name: 'Notes' }).click();
    await expect(this.newNoteButton).toBeVisible();
  }

  /** Creates a note, names it and types its body; waits until it is saved. */
  async create(title: string, body: string): Promise<void> {
    await this.newNoteButton.click();
    await expect(this.titleInput).toBeFocused();
    await this.titleInput.fill(title);
    await this.titleInput.press('Enter');
    await this.textarea.click();
    await this.textarea.pressSequentially(body.slice(0, 40));
    if (body.length > 40) await this.textarea.fill(body);
    await expect(this.saveStatus).toHaveText('Saved');
  }

  openButton(title: string): Locator {
    return this.list.getByRole('button', { name: new RegExp(`^${escape(title)}`) });
  }

  async togglePreview(): Promise<void> {
    await this.editor.getByRole('button', { name: /^Preview/ }).click();
  }

  get preview(): Locator {
    return this.editor.getByRole('region', { name: /preview/ });
  }
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
