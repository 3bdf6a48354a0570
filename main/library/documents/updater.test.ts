import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DocumentSummary, FileToImport } from '../../../preload/api';
import type { Library } from '../library';
import { bytes, makeTempDir, removeDir, useTempLibrary } from '../test-support';

const temp = useTempLibrary();

const open = (): Promise<Library> => temp.open();

const V1 = '---\ntitle: Essay\nauthor: Ann\n---\n# Essay\n\nThe first version of the text.';
const V2 = '# Essay, revised\n\nThe second version of the text, with more words in it.';

async function importText(lib: Library, name: string, text: string): Promise<DocumentSummary> {
  const [outcome] = (await lib.documents.importFiles([{ name, bytes: bytes(text) }])).outcomes;
  if (outcome?.status !== 'imported') throw new Error('import failed');
  return outcome.document;
}

/** Every file under the library folder with its content, to show that a refusal changed nothing. */
async function snapshot(): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const entry of await fs.readdir(temp.root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || entry.parentPath.endsWith('backups')) continue;
    const file = path.join(entry.parentPath, entry.name);
    files[path.relative(temp.root, file)] = await fs.readFile(file, 'utf8');
  }
  return files;
}

describe('updating a document from a file', () => {
  it('replaces the body, keeps the old one in history and keeps highlights, title and position', async () => {
    let lib = await open();
    const doc = await importText(lib, 'essay.md', V1);
    const added = await lib.highlights.addHighlight(doc.id, {
      color: 'yellow',
      quote: { type: 'TextQuoteSelector', exact: 'first', prefix: 'The ', suffix: ' version' },
      position: { type: 'TextPositionSelector', start: 10, end: 15 },
      anchoredVersion: doc.textVersion,
    });
    const position = { section: 0, offset: 4, quote: 'first version', progress: 0.3 };
    await lib.documents.saveReadingPosition(doc.id, position);
    await lib.documents.renameDocument(doc.id, 'My essay');
    const oldBody = await fs.readFile(path.join(temp.root, 'documents', `${doc.id}.md`), 'utf8');

    const result = await lib.documents.updateDocumentFromFile(doc.id, { name: 'essay-v2.md', bytes: bytes(V2) });
    if (!result.ok) throw new Error(result.message);
    const updated = result.value;
    expect(updated).toMatchObject({
      id: doc.id,
      title: 'My essay',
      author: 'Ann',
      addedAt: doc.addedAt,
      highlightCount: 1,
      progress: 0.3,
    });
    expect(updated.textVersion).toMatch(/^[0-9a-f]{64}$/);
    expect(updated.textVersion).not.toBe(doc.textVersion);
    expect(updated.wordCount).toBeGreaterThan(doc.wordCount);
    expect(updated.excerpt).toContain('second version');
    expect(await fs.readFile(path.join(temp.root, 'history', doc.id, `${doc.textVersion}.md`), 'utf8')).toBe(
      oldBody,
    );

    lib = await open();
    const opened = await lib.documents.openDocument(doc.id);
    expect(opened?.markdown).toBe(`${V2}\n`);
    expect(opened?.summary.textVersion).toBe(updated.textVersion);
    expect(opened?.position).toEqual(position);
    expect(opened?.highlights).toEqual(added.ok ? [added.value] : []);
    expect(opened?.highlights[0]?.anchoredVersion).toBe(doc.textVersion);
    expect(await lib.documents.listDocuments()).toHaveLength(1);
  });

  it('refuses bad files, the same version and another document’s text, changing nothing on disk', async () => {
    const lib = await open();
    const doc = await importText(lib, 'essay.md', V1);
    await importText(lib, 'other.md', V2);
    const before = await snapshot();
    const cases: [FileToImport, string, string][] = [
      [{ name: 'e.md', bytes: new Uint8Array(0) }, 'empty', '“e.md” is empty.'],
      [
        { name: 'b.md', bytes: new Uint8Array([0x61, 0, 0x62]) },
        'binary',
        '“b.md” looks like a binary file, not text.',
      ],
      [
        { name: 'l.txt', bytes: new Uint8Array([0xef, 0xbb, 0xbf, 0x63, 0xe9]) },
        'bad-encoding',
        '“l.txt” is not valid UTF-8 (first bad byte at offset 4).',
      ],
      [
        { name: 'p.pdf', bytes: bytes('text') },
        'unsupported-type',
        '“p.pdf” is not a file Lectern imports (.md, .markdown, .txt, .html, .htm, .xhtml, .mhtml, .mht, .epub).',
      ],
      [
        { name: 'same.md', bytes: bytes(`${V1}\r\n`) },
        'duplicate',
        '“same.md” is the same as the version in your library.',
      ],
      [
        { name: 'x.md', bytes: bytes(V2) },
        'duplicate',
        '“x.md” has the same text as “Essay, revised”, already in your library.',
      ],
    ];
    for (const [file, code, message] of cases) {
      expect(await lib.documents.updateDocumentFromFile(doc.id, file)).toEqual({ ok: false, code, message });
    }
    expect(
      await lib.documents.updateDocumentFromFile('0000000000000000', { name: 'n.md', bytes: bytes('new') }),
    ).toMatchObject({ ok: false, code: 'not-found' });
    expect(await snapshot()).toEqual(before);
    expect((await lib.documents.listDocuments()).find((d) => d.id === doc.id)?.textVersion).toBe(doc.textVersion);
  });

  it('updates from a path with the importer’s checks', async () => {
    const lib = await open();
    const doc = await importText(lib, 'essay.md', V1);
    const dir = await makeTempDir('lectern-src-');
    try {
      await fs.writeFile(path.join(dir, 'essay.md'), V2);
      expect(await lib.documents.updateDocumentFromPath(doc.id, path.join(dir, 'missing.md'))).toMatchObject({
        ok: false,
        code: 'unreadable',
      });
      expect(await lib.documents.updateDocumentFromPath(doc.id, path.join(dir, 'essay.md'))).toMatchObject({
        ok: true,
        value: { id: doc.id },
      });
    } finally {
      await removeDir(dir);
    }
  });

  it('imports the old text again as a new document after an update', async () => {
    const lib = await open();
    const doc = await importText(lib, 'essay.md', V1);
    await lib.documents.updateDocumentFromFile(doc.id, { name: 'essay.md', bytes: bytes(V2) });
    const [again, same] = (
      await lib.documents.importFiles([
        { name: 'old.md', bytes: bytes(V1) },
        { name: 'new.md', bytes: bytes(V2) },
      ])
    ).outcomes;
    expect(again).toMatchObject({ status: 'imported' });
    expect(again?.status === 'imported' && again.document.id).not.toBe(doc.id);
    expect(same).toMatchObject({ status: 'duplicate', document: { id: doc.id } });
  });
});
