/**
 * Standalone notes follow the tag manager, through the Library and its handlers: a rename or a
 * delete rewrites the notes' files (front matter), and undo writes the old tags back.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Result } from '../../../preload/api';
import { type ApiHandlers, createHandlers } from '../handlers';
import { bytes, useTempLibrary } from '../test-support';

const library = useTempLibrary();
const platform = { openExternal: async () => undefined, chooseFiles: async () => null } as never;

const value = <T>(result: Result<T>): T => {
  if (!result.ok) throw new Error(`${result.code}: ${result.message}`);
  return result.value;
};

/** The `tags:` lines of a note file's front matter, as written on disk. */
async function tagsOnDisk(id: string): Promise<string> {
  const text = await fs.readFile(path.join(library.root, 'notes', `${id}.md`), 'utf8');
  const frontMatter = text.split(/^---$/m)[1] ?? '';
  return frontMatter.slice(frontMatter.indexOf('tags:')).split(/\n(?=\w)/)[0] ?? '';
}

async function openApi(): Promise<ApiHandlers> {
  return createHandlers(await library.open(), platform, () => undefined);
}

async function createNote(api: ApiHandlers, tags: string[]): Promise<string> {
  const body = 'Anna Pávlovna had had a cough for some days: “la grippe”, as she said.';
  return value(await api.createNote({ title: 'On the soirée', body, tags })).id;
}

describe('tags on standalone notes', () => {
  it('renames a tag only notes use (children follow) in the files; undo writes the old names back', async () => {
    const api = await openApi();
    const id = await createNote(api, ['Politics/Armenia', 'Tolstoy']);
    expect(value(await api.listTags()).find((tag) => tag.name === 'Politics/Armenia')?.notes).toBe(1);
    const renamed = value(await api.renameTag('politics', 'World Affairs'));
    expect(await tagsOnDisk(id)).toContain('World-Affairs/Armenia');
    expect(await tagsOnDisk(id)).not.toContain('Politics');
    const reopened = await openApi();
    expect(value(await reopened.getNote(id)).tags).toEqual(['World-Affairs/Armenia', 'Tolstoy']);
    // Undo is kept per session: this one belongs to the library opened before.
    expect(await reopened.undoTagChange(renamed.id)).toMatchObject({ ok: false, code: 'not-found' });
    const again = value(await reopened.renameTag('world-affairs/armenia', 'Armenia'));
    expect(value(await reopened.getNote(id)).tags).toEqual(['Armenia', 'Tolstoy']);
    value(await reopened.undoTagChange(again.id));
    expect(await tagsOnDisk(id)).toContain('World-Affairs/Armenia');
    expect(value(await reopened.getNote(id)).tags).toEqual(['World-Affairs/Armenia', 'Tolstoy']);
  });

  it('deletes a tag shared by a document and a note from both; undo restores both', async () => {
    const lib = await library.open();
    const handlers = createHandlers(lib, platform, () => undefined);
    const report = await lib.documents.importFiles([
      { name: 'war.md', bytes: bytes('# War\n\nWell, Prince.') },
    ]);
    const outcome = report.outcomes[0];
    if (outcome?.status !== 'imported') throw new Error('setup');
    value(await handlers.setDocumentTags(outcome.document.id, ['politics']));
    const id = await createNote(handlers, ['politics/armenia', 'Tolstoy']);
    const deleted = value(await handlers.deleteTag('Politics'));
    expect(await tagsOnDisk(id)).not.toContain('armenia');
    expect(value(await handlers.getNote(id)).tags).toEqual(['Tolstoy']);
    expect(value(await handlers.listTags()).map((tag) => tag.name)).toEqual(['Tolstoy']);
    value(await handlers.undoTagChange(deleted.id));
    expect(await tagsOnDisk(id)).toContain('politics/armenia');
    expect(value(await handlers.getNote(id)).tags).toEqual(['politics/armenia', 'Tolstoy']);
    expect(value(await handlers.listTags()).map((tag) => tag.name)).toEqual([
      'politics',
      'politics/armenia',
      'Tolstoy',
    ]);
  });
});
