/**
 * Margin markers in a long document: each of 600 noted passages has its marker when it is read
 * (the end of the document too), and only the notes near the view have one at a time.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { LecternBridge } from '../../preload/api';
import { expect, test } from '../fixtures';
import { HighlightsPanel } from '../models/highlights-panel';
import { LibraryPage } from '../models/library-page';
import { ReaderNotes } from '../models/notes-reader';
import { ReaderPage } from '../models/reader-page';

test('every note of a long document has its margin marker where it is read, the 600th too', async ({
  app,
  scratchDir,
}) => {
  test.setTimeout(120_000);
  const paragraphs = Array.from(
    { length: 600 },
    (_, i) => `Paragraph ${i + 1} of the long essay: marginalia number ${i + 1} sits on this line.`,
  );
  const file = join(scratchDir, 'marginalia.md');
  await writeFile(file, `# Marginalia\n\n${paragraphs.join('\n\n')}\n`);
  const library = new LibraryPage(app.page);
  await library.waitUntilShown();
  await library.importThroughDialog(app, [file]);
  await expect(library.openButton('Marginalia')).toBeVisible();
  // Every paragraph's phrase highlighted with a note, through the contract (the reader's own
  // highlighting is covered above): this test is about where the markers go.
  await app.page.evaluate(async (count) => {
    const lectern = (globalThis as unknown as { lectern: LecternBridge }).lectern;
    const listed = await lectern.listDocuments();
    const doc = listed.ok ? listed.value.find((d) => d.title === 'Marginalia') : undefined;
    if (!doc) throw new Error('no Marginalia');
    const text = await lectern.readDocumentText(doc.id, doc.textVersion);
    if (!text.ok) throw new Error(text.message);
    for (let n = 1; n <= count; n++) {
      const exact = `marginalia number ${n} sits`;
      const start = text.value.indexOf(`${exact} on this line`);
      const added = await lectern.addHighlight(doc.id, {
        color: 'blue',
        quote: { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
        position: { type: 'TextPositionSelector', start, end: start + exact.length },
        anchoredVersion: doc.textVersion,
      });
      if (!added.ok) throw new Error(added.message);
      const noted = await lectern.setHighlightNote(doc.id, added.value.id, `Note ${n}.`);
      if (!noted.ok) throw new Error(noted.message);
    }
  }, paragraphs.length);
  await library.open('Marginalia');
  const reader = new ReaderPage(app.page);
  await reader.waitUntilShown();
  await expect(app.page.locator('reader-view')).toHaveAttribute('data-anchor-ms', /\d/);
  const notes = new ReaderNotes(new HighlightsPanel(reader));
  await expect(notes.marker('marginalia number 1 sits')).toBeVisible();
  // Markers exist near the view only: a long book's notes do not cost a frame to place.
  expect(await notes.markers.count()).toBeLessThan(300);

  await reader.readingArea.focus();
  await app.page.keyboard.press('End');
  await expect(notes.marker('marginalia number 600 sits')).toBeVisible();
  await expect(notes.marker('marginalia number 1 sits')).toHaveCount(0);
  // The marker sits beside its line and opens its note.
  await notes.marker('marginalia number 600 sits').click();
  await expect(notes.editorOf('marginalia number 600 sits')).toHaveValue('Note 600.');
});
