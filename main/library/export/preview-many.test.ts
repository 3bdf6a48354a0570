/** The Export dialog's preview of an export of many: the files it lists are the files export writes. */
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DocumentSummary, ExportManyPreviewRequest, ExportScope } from '../../../preload/api';
import { type ApiHandlers, createHandlers } from '../handlers';
import { bytes, makeTempDir, removeDir, useTempLibrary } from '../test-support';
import { FolderPlatform, value } from './test-platform';

const temp = useTempLibrary();
// Jane Austen, "Emma", "Persuasion" and "Northanger Abbey" (Project Gutenberg, public domain).
const BOOKS = {
  'emma.md': '# Emma\n\nEmma Woodhouse, handsome, clever, and rich, with a comfortable home.\n',
  'persuasion.md': '# Persuasion\n\nSir Walter Elliot, of Kellynch Hall, in Somersetshire, was a man.\n',
  'northanger.md':
    '# Northanger Abbey: “a novel”\n\nNo one who had ever seen Catherine Morland in her infancy.\n',
};

let folder = '';
beforeEach(async () => {
  folder = await makeTempDir('lectern-preview-many-');
});
afterEach(async () => {
  await removeDir(folder);
});

async function setUp(): Promise<{ handlers: ApiHandlers; documents: DocumentSummary[] }> {
  const library = await temp.open();
  const handlers = createHandlers(library, new FolderPlatform(folder), () => undefined);
  const files = Object.entries(BOOKS).map(([name, text]) => ({ name, bytes: bytes(text) }));
  const imported = value(await handlers.importFiles(files));
  const documents = imported.outcomes.map((o) => (o as { document: DocumentSummary }).document);
  return { handlers, documents };
}

const timeless = (text: string): string =>
  text.replace(/^exported: .*$/m, '').replace(/ fm=[0-9a-f]{16} /, ' ');

const request = (over: Partial<ExportManyPreviewRequest> = {}): ExportManyPreviewRequest => ({
  scope: { kind: 'all' },
  includeNotes: true,
  choice: { preset: 'obsidian', template: '' },
  index: 0,
  ...over,
});

describe('previewExportMany', () => {
  it('lists every file the export writes and shows any of them byte for byte as written', async () => {
    const { handlers } = await setUp();
    value(await handlers.createNote({ title: 'Heroines: a list', body: 'Emma, Anne, Catherine.' }));
    const preview = value(await handlers.previewExportMany(request({ index: 1 })));
    const report = value(await handlers.exportMany({ scope: { kind: 'all' }, includeNotes: true }));
    if (report === null) throw new Error('the dialog was cancelled');
    expect(preview.files.map((f) => [f.kind, f.fileName])).toEqual(
      report.files.map((f) => [f.kind, path.basename(f.filePath)]),
    );
    expect(preview.index).toBe(1);
    const shown = preview.files[1]?.fileName ?? '';
    const written = await fs.readFile(path.join(folder, shown), 'utf8');
    // Only the export time (and the front matter's hash, which covers it) differs a moment later.
    expect(preview.shown?.kind === 'markdown' && timeless(preview.shown.markdown)).toBe(timeless(written));
    expect(preview.bytes).toBe(Buffer.byteLength(written, 'utf8'));
  });

  it('keeps the index within the files, and shows nothing for an empty scope', async () => {
    const { handlers } = await setUp();
    const past = value(await handlers.previewExportMany(request({ index: 99, includeNotes: false })));
    expect(past.index).toBe(2);
    expect(past.shown?.kind === 'markdown' && past.shown.markdown).toContain(past.files[2]?.title);
    const none = value(
      await handlers.previewExportMany(request({ scope: { kind: 'tag', tag: 'absent' }, index: 3 })),
    );
    expect(none).toEqual({ files: [], index: 0, shown: null, bytes: null });
  });

  it('shows a selection’s own files and a template’s error with its line', async () => {
    const { handlers, documents } = await setUp();
    const chosen = [documents[2]?.id ?? '', documents[0]?.id ?? ''];
    const broken = value(
      await handlers.previewExportMany(
        request({
          scope: { kind: 'documents', documentIds: chosen },
          includeNotes: false,
          choice: { preset: 'custom', template: '# {{title}}\n\n{{#highlights}}\n{{quote}}' },
        }),
      ),
    );
    expect(broken.files.map((f) => f.title).toSorted()).toEqual(['Emma', 'Northanger Abbey: “a novel”']);
    expect(broken.shown).toMatchObject({ kind: 'template-error', line: 3 });
    expect(broken.bytes).toBeNull();
    const refused = await handlers.previewExportMany({ ...request(), index: -1 });
    expect(refused.ok).toBe(false);
  });

  it('names the files as the export into the chosen folder will, after a title there was taken', async () => {
    const { handlers, documents } = await setUp();
    const exported = value(await handlers.exportMany({ scope: { kind: 'all' }, includeNotes: false }));
    if (exported === null) throw new Error('the dialog was cancelled');
    // A second “Emma” arrives; the first keeps `Emma.md` in that folder.
    const [emmaAgain] = value(
      await handlers.importFiles([{ name: 'emma-again.md', bytes: bytes('# Emma\n\nA second edition.\n') }]),
    ).outcomes.map((o) => (o as { document: DocumentSummary }).document);
    if (emmaAgain === undefined) throw new Error('not imported');
    const scopes: ExportScope[] = [
      { kind: 'documents', documentIds: [emmaAgain.id] },
      { kind: 'documents', documentIds: [emmaAgain.id, documents[1]?.id ?? ''] },
      { kind: 'all' },
    ];
    for (const scope of scopes) {
      const preview = value(
        await handlers.previewExportMany(request({ scope, includeNotes: false, folder })),
      );
      const report = value(await handlers.exportMany({ scope, includeNotes: false, folder }));
      expect(preview.files.map((f) => f.fileName)).toEqual(
        (report?.files ?? []).map((f) => path.basename(f.filePath)),
      );
      expect(preview.files.findLast((f) => f.title === 'Emma')?.fileName).toBe(`Emma (${emmaAgain.id}).md`);
    }
    // A folder not chosen in the dialog is not read.
    const elsewhere = await handlers.previewExportMany(request({ folder: path.join(folder, 'elsewhere') }));
    expect(elsewhere).toMatchObject({ ok: false, code: 'invalid-argument' });
  });
});
