import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DocumentSummary, ImportOutcome } from '../../../preload/api';
import { FaultFileSystem } from '../storage/fault-file-system';
import { REPO_ROOT, bytes, useTempLibrary } from '../test-support';

const temp = useTempLibrary();

/** A PNG signature and a few bytes: what the importer sniffs. Each `seed` makes another picture. */
const png = (seed: number) =>
  new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, seed, seed + 1]);
const dataUrl = (seed: number) => `data:image/png;base64,${Buffer.from(png(seed)).toString('base64')}`;

const PROSE =
  'It was the best of times, it was the worst of times, it was the age of wisdom, it was the age ' +
  'of foolishness, it was the epoch of belief, it was the epoch of incredulity, it was the season ' +
  'of Light, it was the season of Darkness, it was the spring of hope, it was the winter of despair.';

const page = (title: string, seeds: number[]) =>
  bytes(`<!doctype html><html lang="en"><head><title>${title}</title></head><body><article>
<h1>${title}</h1><p>${PROSE}</p>
${seeds.map((seed) => `<figure><img src="${dataUrl(seed)}" alt="plate ${seed}"><figcaption>Plate ${seed}</figcaption></figure>`).join('\n')}
<p>${PROSE} And so on, for another paragraph of the same.</p></article></body></html>`);

function importedDocument(outcome: ImportOutcome | undefined): DocumentSummary {
  if (outcome?.status !== 'imported') throw new Error(`not imported: ${JSON.stringify(outcome)}`);
  return outcome.document;
}

const assetNames = (root: string, ...segments: string[]) =>
  fs.readdir(path.join(root, ...segments)).then(
    (names) => names.toSorted(),
    () => [] as string[],
  );

describe('document assets', () => {
  it("writes a page's pictures under documents/<id>/assets, referenced by the body", async () => {
    const lib = await temp.open();
    const report = await lib.documents.importFiles([{ name: 'plates.html', bytes: page('Plates', [1, 2]) }]);
    const doc = importedDocument(report.outcomes[0]);
    const names = await assetNames(temp.root, 'documents', doc.id, 'assets');
    expect(names).toHaveLength(2);
    const body = await fs.readFile(path.join(temp.root, 'documents', `${doc.id}.md`), 'utf8');
    for (const name of names) expect(body).toContain(`assets/${name}`);
    const stored = await fs.readFile(path.join(temp.root, 'documents', doc.id, 'assets', names[0] ?? ''));
    expect([png(1), png(2)].some((picture) => Buffer.from(picture).equals(stored))).toBe(true);
  });

  it('moves the pictures to the trash with the document and back on restore', async () => {
    const lib = await temp.open();
    const doc = importedDocument(
      (await lib.documents.importFiles([{ name: 'plates.html', bytes: page('Plates', [3]) }])).outcomes[0],
    );
    const before = await assetNames(temp.root, 'documents', doc.id, 'assets');
    expect((await lib.documents.deleteDocument(doc.id)).ok).toBe(true);
    expect(await assetNames(temp.root, 'documents')).toEqual([]);
    expect(await assetNames(temp.root, 'trash', doc.id, doc.id, 'assets')).toEqual(before);
    expect((await lib.documents.restoreDocument(doc.id)).ok).toBe(true);
    expect(await assetNames(temp.root, 'documents', doc.id, 'assets')).toEqual(before);
    expect(await assetNames(temp.root, 'trash')).toEqual([]);
  });

  it('restores a markdown document that has no pictures folder', async () => {
    const lib = await temp.open();
    const doc = importedDocument(
      (await lib.documents.importFiles([{ name: 'a.md', bytes: bytes('# A\n\nWords of a note.') }])).outcomes[0],
    );
    expect((await lib.documents.deleteDocument(doc.id)).ok).toBe(true);
    expect((await lib.documents.restoreDocument(doc.id)).ok).toBe(true);
    expect(await assetNames(temp.root, 'documents')).toEqual([`${doc.id}.md`]);
  });

  it('leaves no stray pictures when a picture, the body or the record cannot be written', async () => {
    for (const pathIncludes of ['assets', '.md', 'library.json']) {
      const fsys = new FaultFileSystem();
      const lib = await temp.open({ fileSystem: fsys });
      fsys.inject({ step: 'rename', effect: 'ENOSPC', pathIncludes, nth: pathIncludes === 'assets' ? 2 : 1 });
      const report = await lib.documents.importFiles([{ name: 'plates.html', bytes: page('Plates', [4, 5]) }]);
      expect(report.outcomes[0], pathIncludes).toMatchObject({ status: 'refused', code: 'disk-full' });
      expect(await assetNames(temp.root, 'documents'), pathIncludes).toEqual([]);
      expect(lib.documents.listDocuments()).toEqual([]);
    }
  });

  it('adds new pictures on update from file and keeps the old ones for the history', async () => {
    const lib = await temp.open();
    const doc = importedDocument(
      (await lib.documents.importFiles([{ name: 'plates.html', bytes: page('Plates', [6]) }])).outcomes[0],
    );
    const first = await assetNames(temp.root, 'documents', doc.id, 'assets');
    const updated = await lib.documents.updateDocumentFromFile(doc.id, {
      name: 'plates.html',
      bytes: page('Plates', [6, 7]),
    });
    expect(updated.ok).toBe(true);
    const after = await assetNames(temp.root, 'documents', doc.id, 'assets');
    expect(after).toHaveLength(2);
    expect(after).toEqual(expect.arrayContaining(first));
  });

  it('undoes the pictures an update added when its body cannot be written', async () => {
    const fsys = new FaultFileSystem();
    const lib = await temp.open({ fileSystem: fsys });
    const doc = importedDocument(
      (await lib.documents.importFiles([{ name: 'plates.html', bytes: page('Plates', [8]) }])).outcomes[0],
    );
    const first = await assetNames(temp.root, 'documents', doc.id, 'assets');
    fsys.inject({ step: 'rename', effect: 'EIO', pathIncludes: `${doc.id}.md` });
    const updated = await lib.documents.updateDocumentFromFile(doc.id, {
      name: 'plates.html',
      bytes: page('Plates', [8, 9]),
    });
    expect(updated).toMatchObject({ ok: false, code: 'io' });
    expect(await assetNames(temp.root, 'documents', doc.id, 'assets')).toEqual(first);
  });

  it("imports a saved page's _files pictures from disk, never a file outside that folder", async () => {
    const lib = await temp.open();
    const dir = path.join(temp.root, '..', `${path.basename(temp.root)}-page`);
    await fs.mkdir(path.join(dir, 'Saved_files'), { recursive: true });
    try {
      await fs.writeFile(path.join(dir, 'Saved_files', 'inside.png'), png(10));
      await fs.writeFile(path.join(dir, 'outside.png'), png(11));
      await fs.symlink(path.join(dir, 'outside.png'), path.join(dir, 'Saved_files', 'link.png'));
      const html = new TextDecoder()
        .decode(page('Saved', []))
        .replace(
          '</article>',
          '<p><img src="Saved_files/inside.png" alt="inside"> <img src="Saved_files/link.png" alt="link">' +
            ' <img src="outside.png" alt="outside"></p></article>',
        );
      await fs.writeFile(path.join(dir, 'Saved.html'), html);
      const doc = importedDocument((await lib.documents.importPaths([path.join(dir, 'Saved.html')])).outcomes[0]);
      const names = await assetNames(temp.root, 'documents', doc.id, 'assets');
      expect(names).toHaveLength(1);
      const stored = await fs.readFile(path.join(temp.root, 'documents', doc.id, 'assets', names[0] ?? ''));
      expect(Buffer.from(png(10)).equals(stored)).toBe(true);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });

  it('records what a page says about itself, and only that', async () => {
    const lib = await temp.open();
    const source = await fs.readFile(path.join(REPO_ROOT, 'e2e/fixtures/web-pages/rtl-1/source.html'));
    const doc = importedDocument((await lib.documents.importFiles([{ name: 'rtl.html', bytes: source }])).outcomes[0]);
    expect(doc.dir).toBe('rtl');
    // The page says its direction but not its language: nothing is made up.
    expect(doc.language).toBeUndefined();
    const opened = await lib.documents.openDocument(doc.id);
    expect(opened?.summary.dir).toBe('rtl');
  });
});
