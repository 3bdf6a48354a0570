import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AnnotationImportPreview, DocumentSummary, Highlight, Result } from '../../../preload/api';
import { type ApiHandlers, type Platform, createHandlers } from '../handlers';
import { bytes, useTempLibrary } from '../test-support';

const temp = useTempLibrary();

// George Long's translation (1862), public domain; the Kindle file below quotes another edition.
const MEDITATIONS = `# Meditations

## Book II

Begin the morning by saying to thyself, I shall meet with the busy-body, the ungrateful, arrogant,
deceitful, envious, unsocial. All these things happen to them by reason of their ignorance of what is
good and evil.

Whatever this is that I am, it is a little flesh and breath, and the ruling part. Throw away thy books;
no longer distract thyself: it is not allowed.

## Book IV

Men seek retreats for themselves, houses in the country, sea-shores, and mountains; and thou too art wont
to desire such things very much. But this is altogether a mark of the most common sort of men.
`;
const ESSAY = `# On the Shortness of Life

It is not that we have a short time to live, but that we waste a lot of it.
`;

const SEP = '==========';
const clip = (title: string, meta: string, text: string) => [title, meta, '', text, SEP].join('\r\n');
const CLIPPINGS =
  '\uFEFF' +
  [
    clip(
      'Meditations (Marcus Aurelius)',
      '- Your Highlight on page 12 | Location 120-122 | Added on Sunday, 3 March 2019 10:00:00',
      'Throw away thy books; no longer distract thyself: it is not allowed.',
    ),
    clip(
      'Meditations (Marcus Aurelius)',
      '- Your Note on Location 122 | Added on Sunday, 3 March 2019 10:00:05',
      'Hard advice for a reader.',
    ),
    // Another edition's wording: "busybody", "unsociable".
    clip(
      'Meditations (Marcus Aurelius)',
      '- Your Highlight on page 11 | Location 100-104 | Added on Sunday, 3 March 2019 10:01:00',
      'Begin the morning by saying to thyself, I shall meet with the busybody, the ungrateful, arrogant, deceitful, envious, unsociable.',
    ),
    clip(
      'Meditations (Marcus Aurelius)',
      '- Your Highlight on Location 300-301 | Added on Sunday, 3 March 2019 10:02:00',
      'A sentence that is in no edition of this book at all, however hard one looks.',
    ),
    clip(
      'On the Shortness of Life: Life Is Long if You Know How to Use It (Seneca)',
      '- Your Highlight on Location 5-6 | Added on Monday, 4 March 2019 10:00:00',
      'we waste a lot of it',
    ),
    clip(
      'A Book Lectern Has Never Seen (Nobody)',
      '- Your Highlight on Location 5-6 | Added on Monday, 4 March 2019 10:00:00',
      'Some passage.',
    ),
  ].join('\r\n') +
  '\r\n';

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`${result.code}: ${result.message}`);
  return result.value;
}

async function setUp() {
  const dir = await fs.mkdtemp(path.join(temp.root, 'files-'));
  const clippingsPath = path.join(dir, 'My Clippings.txt');
  await fs.writeFile(clippingsPath, CLIPPINGS);
  const dialogs: (string | null)[] = [];
  const platform: Platform = {
    chooseFilesToImport: async () => null,
    chooseFileToUpdate: async () => null,
    chooseExportFolder: async () => dialogs.shift() ?? null,
    chooseAnnotationFile: async () => dialogs.shift() ?? null,
    openExternal: async () => undefined,
  };
  const library = await temp.open();
  const handlers: ApiHandlers = createHandlers(library, platform, () => undefined);
  const imported = value(
    await handlers.importFiles([
      { name: 'meditations.md', bytes: bytes(MEDITATIONS) },
      { name: 'seneca.md', bytes: bytes(ESSAY) },
    ]),
  );
  const [meditations, seneca] = imported.outcomes.map((o) => (o as { document: DocumentSummary }).document);
  if (meditations === undefined || seneca === undefined) throw new Error('import failed');
  return { handlers, dialogs, dir, clippingsPath, meditations, seneca };
}

const confirmAll = (preview: AnnotationImportPreview) => ({
  importId: preview.importId,
  assignments: preview.groups.flatMap(({ group, match }) =>
    match === null ? [] : [{ groupKey: group.key, documentId: match.documentId }],
  ),
});

async function highlightsOf(handlers: ApiHandlers, id: string): Promise<Highlight[]> {
  return value(await handlers.openDocument(id))?.highlights ?? [];
}

describe('importing Kindle clippings', () => {
  it('proposes documents by title, asking to confirm a title that is only alike', async () => {
    const { handlers, dialogs, clippingsPath, meditations, seneca } = await setUp();
    dialogs.push(clippingsPath);
    const preview = value(await handlers.previewAnnotationImport());
    if (preview === null) throw new Error('cancelled');
    expect(preview.format).toBe('kindle');
    expect(
      preview.groups.map(({ group, match }) => [
        group.title,
        match?.documentId ?? null,
        match?.rule ?? null,
        match?.needsConfirmation ?? null,
      ]),
    ).toEqual([
      ['Meditations', meditations.id, 'exact-title', false],
      ['On the Shortness of Life: Life Is Long if You Know How to Use It', seneca.id, 'title', true],
      ['A Book Lectern Has Never Seen', null, null, null],
    ]);
  });

  it('places, marks to check or keeps unplaced every highlight, with its note, and twice adds nothing', async () => {
    const { handlers, dialogs, clippingsPath, meditations } = await setUp();
    dialogs.push(clippingsPath);
    const preview = value(await handlers.previewAnnotationImport());
    if (preview === null) throw new Error('cancelled');
    const report = value(await handlers.importAnnotations(confirmAll(preview)));
    const [first, second] = report.groups;
    expect(first).toMatchObject({ documentId: meditations.id, alreadyThere: 0, unplaced: 1 });
    expect((first?.placed ?? 0) + (first?.check ?? 0)).toBe(2);
    expect(second).toMatchObject({ placed: 1, unplaced: 0 });
    expect(report.unmatched.map((g) => g.title)).toEqual(['A Book Lectern Has Never Seen']);
    expect(report.unmatched[0]?.annotations[0]?.quote).toBe('Some passage.');

    const stored = await highlightsOf(handlers, meditations.id);
    expect(stored).toHaveLength(3);
    const books = stored.find((h) => h.quote.exact.startsWith('Throw away'));
    expect(books).toMatchObject({
      note: 'Hard advice for a reader.',
      unplaced: false,
      needsCheck: false,
      anchoredVersion: meditations.textVersion,
      // As written in the clippings file, in the importing computer's local time.
      createdAt: new Date('2019-03-03T10:00:00').toISOString(),
    });
    // The rendered text has the source's line break inside this paragraph.
    expect(books?.quote.exact).toBe('Throw away thy books;\nno longer distract thyself: it is not allowed.');
    const edition = stored.find((h) => h.quote.exact.includes('Begin the morning'));
    expect(edition?.unplaced).toBe(false);
    const nowhere = stored.find((h) => h.unplaced);
    expect(nowhere?.quote.exact).toBe(
      'A sentence that is in no edition of this book at all, however hard one looks.',
    );

    dialogs.push(clippingsPath);
    const again = value(await handlers.previewAnnotationImport());
    if (again === null) throw new Error('cancelled');
    const twice = value(await handlers.importAnnotations(confirmAll(again)));
    expect(twice.groups.map((g) => [g.placed + g.check + g.unplaced, g.alreadyThere])).toEqual([
      [0, 3],
      [0, 1],
    ]);
    expect(await highlightsOf(handlers, meditations.id)).toHaveLength(3);
  });

  it('refuses a plan for a preview it no longer has, a group the file lacks, or a missing document', async () => {
    const { handlers, dialogs, clippingsPath, meditations } = await setUp();
    expect(await handlers.importAnnotations({ importId: '0123456789abcdef', assignments: [] })).toMatchObject(
      { ok: false, code: 'not-found' },
    );
    dialogs.push(clippingsPath);
    const preview = value(await handlers.previewAnnotationImport());
    if (preview === null) throw new Error('cancelled');
    const importId = preview.importId;
    expect(
      await handlers.importAnnotations({
        importId,
        assignments: [{ groupKey: 'nope', documentId: meditations.id }],
      }),
    ).toMatchObject({ ok: false, code: 'invalid-argument' });
    const groupKey = preview.groups[0]?.group.key ?? '';
    expect(
      await handlers.importAnnotations({
        importId,
        assignments: [{ groupKey, documentId: 'ffffffffffffffff' }],
      }),
    ).toMatchObject({ ok: false, code: 'not-found' });
    expect(
      await handlers.importAnnotations({
        importId,
        assignments: [
          { groupKey, documentId: meditations.id },
          { groupKey, documentId: meditations.id },
        ],
      }),
    ).toMatchObject({ ok: false, code: 'invalid-argument' });
    expect(await highlightsOf(handlers, meditations.id)).toEqual([]);
  });

  it('says what is wrong with a file that is no annotation file, and answers null when cancelled', async () => {
    const { handlers, dialogs, dir } = await setUp();
    expect(value(await handlers.previewAnnotationImport())).toBeNull();
    const notes = path.join(dir, 'notes.txt');
    await fs.writeFile(notes, 'Just my shopping list.\n');
    dialogs.push(notes);
    expect(await handlers.previewAnnotationImport()).toMatchObject({
      ok: false,
      message: expect.stringContaining('notes.txt'),
    });
    dialogs.push(path.join(dir, 'missing.txt'));
    expect(await handlers.previewAnnotationImport()).toMatchObject({ ok: false, code: 'not-found' });
  });
});

describe('W3C JSON-LD', () => {
  it('exports a document’s highlights and imports them back into it without adding any', async () => {
    const { handlers, dialogs, dir, clippingsPath, meditations } = await setUp();
    dialogs.push(clippingsPath);
    const preview = value(await handlers.previewAnnotationImport());
    if (preview === null) throw new Error('cancelled');
    value(await handlers.importAnnotations(confirmAll(preview)));
    const before = await highlightsOf(handlers, meditations.id);

    dialogs.push(dir);
    const written = value(await handlers.exportAnnotationsJsonLd(meditations.id));
    expect(written).toBe(path.join(dir, 'Meditations.jsonld'));
    const json = JSON.parse(await fs.readFile(written ?? '', 'utf8'));
    expect(json).toMatchObject({ type: 'AnnotationCollection', total: 3, label: 'Meditations' });

    dialogs.push(written);
    const back = value(await handlers.previewAnnotationImport());
    if (back === null) throw new Error('cancelled');
    expect(back.groups[0]?.match).toMatchObject({
      documentId: meditations.id,
      rule: 'id',
      needsConfirmation: false,
    });
    const report = value(await handlers.importAnnotations(confirmAll(back)));
    expect(report.groups[0]).toMatchObject({ alreadyThere: 3, placed: 0, unplaced: 0 });
    expect(await highlightsOf(handlers, meditations.id)).toEqual(before);
  });

  it('answers null when the folder dialog is cancelled, not-found for an unknown document', async () => {
    const { handlers, meditations } = await setUp();
    expect(value(await handlers.exportAnnotationsJsonLd(meditations.id))).toBeNull();
    expect(await handlers.exportAnnotationsJsonLd('ffffffffffffffff')).toMatchObject({
      ok: false,
      code: 'not-found',
    });
  });
});
