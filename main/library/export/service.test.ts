import fs from 'node:fs/promises';
import path from 'node:path';
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import type { DocumentSummary, ExportReport } from '../../../preload/api';
import { type ApiHandlers, createHandlers } from '../handlers';
import { FaultFileSystem } from '../storage/fault-file-system';
import { nodeFileSystem } from '../storage/file-system';
import { bytes, makeTempDir, removeDir, useTempLibrary } from '../test-support';
import { FolderPlatform, value } from './test-platform';

const temp = useTempLibrary();
const TEXT =
  '# Anna’s soirée\n\n## CHAPTER I\n\nWell, Prince, so Genoa and Lucca are now just family estates.\n';

async function setUp(folder: string | null, fileSystem = nodeFileSystem) {
  const library = await temp.open({ fileSystem });
  const handlers: ApiHandlers = createHandlers(library, new FolderPlatform(folder), () => undefined);
  const imported = value(await handlers.importFiles([{ name: 'soiree.md', bytes: bytes(TEXT) }]));
  const doc = (imported.outcomes[0] as { document: DocumentSummary }).document;
  const exact = 'Genoa and Lucca';
  const start = 'Anna’s soirée CHAPTER I Well, Prince, so '.length;
  const highlight = value(
    await handlers.addHighlight(doc.id, {
      color: 'green',
      quote: { type: 'TextQuoteSelector', exact, prefix: 'so ', suffix: ' are' },
      position: { type: 'TextPositionSelector', start, end: start + exact.length },
      anchoredVersion: doc.textVersion,
    }),
  );
  value(await handlers.setHighlightTags(doc.id, highlight.id, ['Places/Italy']));
  value(
    await handlers.setHighlightNote(doc.id, highlight.id, `Both **annexed**; see [[lectern:doc/${doc.id}]].`),
  );
  return { handlers, doc, highlight };
}

describe('export', () => {
  it('copies the notes as markdown with current tag names, the note and wikilinks', async () => {
    const { handlers, doc, highlight } = await setUp(null);
    const markdown = value(await handlers.copyDocumentMarkdown(doc.id));
    expect(markdown).toContain(`lectern-id: "${doc.id}"`);
    expect(markdown).toContain('### CHAPTER I');
    expect(markdown).toContain('> Genoa and Lucca');
    expect(markdown).toContain('#Places/Italy');
    expect(markdown).toContain(`^h-${highlight.id}`);
    expect(markdown).toContain('see [[Anna’s soirée]].');
    expect(new MarkdownIt().render(markdown)).toContain('<strong>annexed</strong>');
    expect(await handlers.copyDocumentMarkdown('0000000000000000')).toMatchObject({
      ok: false,
      code: 'not-found',
    });
  });

  it('writes through the folder dialog, updates in place keeping the user’s text, and reports each outcome', async () => {
    const folder = await makeTempDir('lectern-export-');
    try {
      const { handlers, doc, highlight } = await setUp(folder);
      const first = value(await handlers.exportDocument(doc.id)) as ExportReport;
      expect(first).toEqual({
        filePath: path.join(folder, 'Anna’s soirée.md'),
        outcome: 'created',
        keptCopyPath: null,
        frontMatterKept: false,
      });
      expect(value(await handlers.exportDocument(doc.id))?.outcome).toBe('unchanged');
      await fs.appendFile(first.filePath, '\nMy own thoughts.\n');
      value(await handlers.setHighlightNote(doc.id, highlight.id, 'Changed note.'));
      expect(value(await handlers.exportDocument(doc.id))?.outcome).toBe('updated');
      const updated = await fs.readFile(first.filePath, 'utf8');
      expect(updated).toContain('Changed note.');
      expect(updated.endsWith('\nMy own thoughts.\n')).toBe(true);
      // An edit inside Lectern's region: the file is copied before the export replaces it.
      await fs.writeFile(first.filePath, updated.replace('Changed note.', 'My edit in the region.'));
      const conflicted = value(await handlers.exportDocument(doc.id)) as ExportReport;
      expect(conflicted.outcome).toBe('conflicted');
      expect(await fs.readFile(conflicted.keptCopyPath ?? '', 'utf8')).toContain('My edit in the region.');
      expect(await fs.readFile(first.filePath, 'utf8')).toContain('My own thoughts.');
    } finally {
      await removeDir(folder);
    }
  });

  it('exports beside a same-named file of the user’s without touching it', async () => {
    const folder = await makeTempDir('lectern-export-');
    try {
      const { handlers, doc } = await setUp(folder);
      const theirs = path.join(folder, 'Anna’s soirée.md');
      await fs.writeFile(theirs, Buffer.from([0x23, 0x20, 0xe9, 0x0a]));
      const report = value(await handlers.exportDocument(doc.id)) as ExportReport;
      expect(report.filePath).toBe(path.join(folder, `Anna’s soirée (${doc.id}).md`));
      expect(await fs.readFile(theirs)).toEqual(Buffer.from([0x23, 0x20, 0xe9, 0x0a]));
    } finally {
      await removeDir(folder);
    }
  });

  it('answers null when the dialog is cancelled and a typed failure when the folder is gone or full', async () => {
    const { handlers, doc } = await setUp(null);
    expect(await handlers.exportDocument(doc.id)).toEqual({ ok: true, value: null });
    const gone = await setUp(path.join(temp.root, 'no', 'such', 'folder'));
    expect(await gone.handlers.exportDocument(gone.doc.id)).toMatchObject({ ok: false, code: 'not-found' });
  });

  it('says the disk is full when the write fails with ENOSPC, leaving no file', async () => {
    const folder = await makeTempDir('lectern-export-');
    try {
      const faults = new FaultFileSystem(nodeFileSystem);
      const { handlers, doc } = await setUp(folder, faults);
      faults.inject({ step: 'write', effect: 'ENOSPC', pathIncludes: folder, persistent: true });
      expect(await handlers.exportDocument(doc.id)).toMatchObject({ ok: false, code: 'disk-full' });
      expect(await fs.readdir(folder)).toEqual([]);
    } finally {
      await removeDir(folder);
    }
  });
});
