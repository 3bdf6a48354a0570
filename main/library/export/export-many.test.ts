import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import type { DocumentSummary, ExportManyReport, ExportProgress } from '../../../preload/api';
import { type ApiHandlers, createHandlers } from '../handlers';
import type { Library } from '../library';
import { bytes, makeTempDir, removeDir, useTempLibrary } from '../test-support';
import { FolderPlatform, value } from './test-platform';

const temp = useTempLibrary();
// Jane Austen, "Emma" and "Persuasion" (Project Gutenberg, public domain).
const EMMA = `# Emma

## CHAPTER I

Emma Woodhouse, handsome, clever, and rich, with a comfortable home and happy disposition,
seemed to unite some of the best blessings of existence.
`;
const EMMA_AGAIN = `# Emma

## VOLUME II

The real evils, indeed, of Emma’s situation were the power of having rather too much her own way.
`;
const PERSUASION = `# Persuasion

Sir Walter Elliot, of Kellynch Hall, in Somersetshire, was a man who, for his own amusement,
never took up any book but the Baronetage.
`;

let folder = '';
beforeEach(async () => {
  folder = await makeTempDir('lectern-export-many-');
});
afterEach(async () => {
  await removeDir(folder);
});

async function setUp(): Promise<{ library: Library; handlers: ApiHandlers }> {
  const library = await temp.open();
  return { library, handlers: createHandlers(library, new FolderPlatform(folder), () => undefined) };
}

async function importText(handlers: ApiHandlers, name: string, text: string): Promise<DocumentSummary> {
  const imported = value(await handlers.importFiles([{ name, bytes: bytes(text) }]));
  return (imported.outcomes[0] as { document: DocumentSummary }).document;
}

async function exportAll(handlers: ApiHandlers, includeNotes = false): Promise<ExportManyReport> {
  const report = value(await handlers.exportMany({ scope: { kind: 'all' }, includeNotes }));
  if (report === null) throw new Error('the dialog was cancelled');
  return report;
}

const names = async (): Promise<string[]> =>
  (await fs.readdir(folder)).filter((n) => n.endsWith('.md')).toSorted();

/** A previewExportMany argument list, with `over` changed. */
const many = (over: object) => [
  {
    scope: { kind: 'all' },
    includeNotes: true,
    choice: { preset: 'obsidian', template: '' },
    index: 0,
    ...over,
  },
];

describe('export many', () => {
  it('keeps each document’s file name across exports when a same-titled document arrives', async () => {
    const { handlers } = await setUp();
    const emma = await importText(handlers, 'emma.md', EMMA);
    const persuasion = await importText(handlers, 'persuasion.md', PERSUASION);
    const first = await exportAll(handlers);
    expect(first.files.map((f) => [path.basename(f.filePath), f.outcome])).toEqual([
      ['Emma.md', 'created'],
      ['Persuasion.md', 'created'],
    ]);
    const second = await importText(handlers, 'emma-2.md', EMMA_AGAIN);
    const again = await exportAll(handlers);
    expect(again.files.map((f) => [path.basename(f.filePath), f.outcome])).toEqual([
      ['Emma.md', 'unchanged'],
      ['Persuasion.md', 'unchanged'],
      [`Emma (${second.id}).md`, 'created'],
    ]);
    expect(await fs.readFile(path.join(folder, 'Emma.md'), 'utf8')).toContain(`lectern-id: "${emma.id}"`);
    // The names come from the manifest: renaming the first Emma does not move its file.
    value(await handlers.renameDocument(emma.id, 'Emma, a novel'));
    const renamed = await exportAll(handlers);
    expect(renamed.files[0]).toMatchObject({ title: 'Emma, a novel', outcome: 'updated' });
    expect(path.basename(renamed.files[0]?.filePath ?? '')).toBe('Emma.md');
    // Exporting the one document into that folder finds its file there too.
    const single = value(await handlers.exportDocument(emma.id));
    expect(single).toMatchObject({ filePath: path.join(folder, 'Emma.md'), outcome: 'unchanged' });
    expect(await names()).toEqual(['Emma.md', `Emma (${second.id}).md`, 'Persuasion.md'].toSorted());
    const manifest = JSON.parse(await fs.readFile(path.join(folder, '.lectern-export.json'), 'utf8'));
    expect(manifest.files).toEqual({
      [emma.id]: 'Emma.md',
      [persuasion.id]: 'Persuasion.md',
      [second.id]: `Emma (${second.id}).md`,
    });
  });

  it('gives titles Windows refuses a name every system accepts', async () => {
    const { handlers } = await setUp();
    for (const [n, title] of [
      'CON',
      'aux.txt',
      'What? A/B: "d" | e*',
      'Chapter the last...',
      'com1',
    ].entries())
      await importText(handlers, `t${n}.md`, `# ${title}\n\nAnne Elliot had been a very pretty girl.\n`);
    await exportAll(handlers);
    expect(await names()).toEqual([
      'CON_.md',
      'Chapter the last.md',
      'What A B d e.md',
      'aux.txt_.md',
      'com1_.md',
    ]);
  });

  it('stops when cancelled part way, leaving only whole files and a manifest naming them', async () => {
    const { library, handlers } = await setUp();
    const parts = Array.from({ length: 30 }, (_, n) => ({
      name: `p${n}.md`,
      bytes: bytes(`# Persuasion, part ${n + 1}\n\n${PERSUASION.slice(14)}`),
    }));
    value(await handlers.importFiles(parts));
    const seen: ExportProgress[] = [];
    const unsubscribe = library.subscribe((event) => {
      if (event.name !== 'exportProgress') return;
      seen.push(event.payload);
      if (event.payload.done === 3) void handlers.cancelExport(event.payload.exportId);
    });
    const report = await exportAll(handlers);
    unsubscribe();
    expect(report.cancelled).toBe(true);
    expect(report.files.length).toBeGreaterThanOrEqual(3);
    expect(report.files.length).toBeLessThan(30);
    const written = await names();
    expect(written).toHaveLength(report.files.length);
    for (const name of written) {
      const text = await fs.readFile(path.join(folder, name), 'utf8');
      expect(text.trimEnd().endsWith('<!-- lectern:end -->'), name).toBe(true);
    }
    expect(seen.at(-1)).toMatchObject({ finished: true, total: 30, done: report.files.length });
    expect(await fs.readdir(folder)).not.toContainEqual(expect.stringContaining('.lectern-tmp-'));
    const manifest = JSON.parse(await fs.readFile(path.join(folder, '.lectern-export.json'), 'utf8'));
    expect(Object.values(manifest.files).toSorted()).toEqual(written);
    expect(value(await handlers.cancelExport(seen[0]?.exportId ?? ''))).toBe(false);
  });

  it('exports standalone notes beside the documents, links rewritten both ways', async () => {
    const { handlers } = await setUp();
    const emma = await importText(handlers, 'emma.md', EMMA);
    const exact = 'handsome, clever, and rich';
    const start = 'Emma CHAPTER I Emma Woodhouse, '.length;
    const highlight = value(
      await handlers.addHighlight(emma.id, {
        color: 'yellow',
        quote: { type: 'TextQuoteSelector', exact, prefix: 'Woodhouse, ', suffix: ', with' },
        position: { type: 'TextPositionSelector', start, end: start + exact.length },
        anchoredVersion: emma.textVersion,
      }),
    );
    const note = value(
      await handlers.createNote({
        title: 'Heroines: a list',
        body: `Emma first: [[lectern:highlight/${emma.id}/${highlight.id}|her three gifts]], in [[lectern:doc/${emma.id}]].`,
      }),
    );
    value(await handlers.setDocumentNote(emma.id, `Compare [[lectern:note/${note.id}|my list]].`));
    const report = await exportAll(handlers, true);
    expect(report.files.map((f) => [f.kind, path.basename(f.filePath)])).toEqual([
      ['document', 'Emma.md'],
      ['note', 'Heroines a list.md'],
    ]);
    const noteFile = await fs.readFile(path.join(folder, 'Heroines a list.md'), 'utf8');
    expect(noteFile).toContain(`[[Emma#^h-${highlight.id}|her three gifts]], in [[Emma]].`);
    expect(parseYaml(noteFile.split('---\n')[1] ?? '')).toMatchObject({
      title: 'Heroines: a list',
      'lectern-id': note.id,
    });
    expect(await fs.readFile(path.join(folder, 'Emma.md'), 'utf8')).toContain(
      'Compare [[Heroines a list|my list]].',
    );
  });

  it('exports only what a tag or a colour selects, with the saved template (Logseq)', async () => {
    const { handlers } = await setUp();
    const emma = await importText(handlers, 'emma.md', EMMA);
    await importText(handlers, 'persuasion.md', PERSUASION);
    value(await handlers.setDocumentTags(emma.id, ['novels/austen']));
    value(await handlers.updateSettings({ exportPreset: 'logseq' }));
    const byTag = value(
      await handlers.exportMany({ scope: { kind: 'tag', tag: 'novels' }, includeNotes: false }),
    );
    expect(byTag?.files.map((f) => f.title)).toEqual(['Emma']);
    const byColour = value(
      await handlers.exportMany({ scope: { kind: 'color', color: 'pink' }, includeNotes: false, folder }),
    );
    expect(byColour?.files).toEqual([]);
    expect(await fs.readFile(path.join(folder, 'Emma.md'), 'utf8')).not.toContain('# Emma');
  });

  it('refuses a folder the user did not choose, and a broken saved template names its line', async () => {
    const { handlers } = await setUp();
    await importText(handlers, 'emma.md', EMMA);
    const elsewhere = await handlers.exportMany({
      scope: { kind: 'all' },
      includeNotes: false,
      folder: '/etc',
    });
    expect(elsewhere).toMatchObject({ ok: false, code: 'invalid-argument' });
    value(
      await handlers.updateSettings({
        exportPreset: 'custom',
        exportTemplate: '# {{title}}\n{{#sections}}\n',
      }),
    );
    expect(await handlers.exportMany({ scope: { kind: 'all' }, includeNotes: false })).toMatchObject({
      ok: false,
      message: /line 2/,
    });
    expect(await names()).toEqual([]);
  });

  it('previews a template without saving it, and refuses malformed requests', async () => {
    const { handlers } = await setUp();
    const emma = await importText(handlers, 'emma.md', EMMA);
    const preview = async (template: string) =>
      value(
        await handlers.previewExportMany({
          scope: { kind: 'documents', documentIds: [emma.id] },
          includeNotes: false,
          choice: { preset: 'custom', template },
          index: 0,
        }),
      ).shown;
    expect(await preview('On {{title}}')).toEqual({
      kind: 'markdown',
      markdown: expect.stringMatching(/-->\n\nOn Emma\n<!-- lectern:end -->\n$/),
    });
    expect(await preview('a\n\n{{#tags}}')).toMatchObject({ kind: 'template-error', line: 3 });
    expect(value(await handlers.getSettings()).exportPreset).toBeUndefined();
    for (const [method, args] of [
      ['exportMany', [{ scope: { kind: 'everything' }, includeNotes: true }]],
      ['exportMany', [{ scope: { kind: 'all' } }]],
      ['exportMany', [{ scope: { kind: 'color', color: 'teal' }, includeNotes: false }]],
      ['cancelExport', ['../../etc']],
      ['previewExportMany', many({ choice: { preset: 'custom', template: 'x'.repeat(100_001) } })],
      ['previewExportMany', many({ choice: { preset: 'word', template: '' } })],
      ['previewExportMany', many({ folder: '' })],
    ] as const)
      expect(
        await (handlers[method] as (...a: unknown[]) => Promise<unknown>)(...args),
        method,
      ).toMatchObject({
        ok: false,
        code: 'invalid-argument',
      });
  });
});
