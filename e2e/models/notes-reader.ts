/** The notes in the reader: a highlight's note (popover N, the panel), the document note, margin markers. */
import type { Locator } from '@playwright/test';
import type { HighlightsPanel } from './highlights-panel';

export class ReaderNotes {
  readonly markers: Locator;
  readonly documentNoteButton: Locator;
  readonly documentNoteEditor: Locator;

  constructor(readonly highlights: HighlightsPanel) {
    const page = highlights.page;
    this.markers = page.locator('reader-view .note-marker');
    this.documentNoteButton = highlights.panel.getByRole('button', { name: /document note/ });
    this.documentNoteEditor = highlights.panel.getByRole('textbox', { name: 'Document note' });
  }

  /** The note textarea of the highlight whose quote starts with `words`. */
  editorOf(words: string): Locator {
    return this.highlights.panel.getByRole('textbox', { name: `Note on “${words}` });
  }

  marker(words: string): Locator {
    return this.markers.and(this.highlights.page.getByRole('button', { name: `Note on “${words}` }));
  }

  /** Waits until every note editor in the panel says Saved. */
  saved(): Locator {
    return this.highlights.panel.locator('note-editor').getByRole('status');
  }
}
