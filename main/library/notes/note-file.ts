/**
 * The on-disk form of a standalone note: `notes/<id>.md`, YAML front matter (id, title, tags,
 * created, updated) then the markdown body, so the file is readable and editable outside Lectern.
 */
import { parse, stringify } from 'yaml';
import { z } from 'zod';
import { normalizeTag, uniqueTags } from '../../../common/tags';
import { MAX_NOTE_LENGTH, MAX_NOTE_TITLE_LENGTH, type Note } from '../../../preload/api';

export const noteIdSchema = z.string().regex(/^[0-9a-f]{16}$/, 'a note id is 16 lowercase hex characters');

const frontMatterSchema = z.object({
  id: noteIdSchema,
  // A title typed as `title: 1984` outside the app is read as the number; it is still a title.
  title: z.preprocess(
    (value) => (typeof value === 'number' || typeof value === 'boolean' ? String(value) : value),
    z.string().max(MAX_NOTE_TITLE_LENGTH).default(''),
  ),
  tags: z.array(z.string()).default([]),
  created: z.string(),
  updated: z.string(),
  /** Only in notes/.trash: when the note was deleted. */
  deleted: z.string().optional(),
});

/** A note file's content, read back. */
export interface NoteFileContent {
  note: Note;
  deletedAt: string | null;
}

export type NoteFileRead = { ok: true; value: NoteFileContent } | { ok: false; reason: string };

const EXCERPT_LENGTH = 160;

/** The start of a note's body as one line of text, for lists. */
export function excerptOf(body: string): string {
  return body
    .slice(0, EXCERPT_LENGTH * 4)
    .replace(/[#>*_`~[\]|-]+/gu, ' ')
    .replace(/\s+/gu, ' ')
    .trim()
    .slice(0, EXCERPT_LENGTH);
}

/** Tags as stored: normalised names, first spelling kept, those that cannot be tags dropped. */
export function cleanTags(tags: readonly string[]): string[] {
  return uniqueTags(tags.map((tag) => normalizeTag(tag)).flatMap((check) => (check.ok ? [check.tag] : [])));
}

/** The whole file text of a note (with `deleted` for a note in the notes trash). */
export function formatNoteFile(note: Note, deletedAt: string | null = null): string {
  const meta: Record<string, unknown> = {
    id: note.id,
    title: note.title,
    tags: note.tags,
    created: note.createdAt,
    updated: note.updatedAt,
  };
  if (deletedAt !== null) meta.deleted = deletedAt;
  // Plain scalars only where YAML reads them back as the same string; no line folding.
  const yaml = stringify(meta, { lineWidth: 0, defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN' });
  return `---\n${yaml}---\n${note.body}`;
}

/** Reads a note file's text; anything not a valid note says why (the file is then left alone). */
export function parseNoteFile(text: string): NoteFileRead {
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const opening = /^---\r?\n/u.exec(source);
  if (opening === null) return { ok: false, reason: 'it does not start with a “---” front matter block' };
  const closing = /^---[ \t]*(?:\r?\n|$)/mu.exec(source.slice(opening[0].length));
  if (closing === null) return { ok: false, reason: 'its front matter has no closing “---” line' };
  const yamlText = source.slice(opening[0].length, opening[0].length + closing.index);
  const body = source.slice(opening[0].length + closing.index + closing[0].length);
  let raw: unknown;
  try {
    raw = parse(yamlText, { schema: 'core', prettyErrors: false });
  } catch (error) {
    const detail = error instanceof Error ? error.message.split('\n')[0] : 'invalid YAML';
    return { ok: false, reason: `its front matter is not valid YAML (${detail})` };
  }
  const parsed = frontMatterSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.join('.') || 'front matter';
    return {
      ok: false,
      reason: `its front matter is not a note’s (${where}: ${issue?.message ?? 'invalid'})`,
    };
  }
  if (body.length > MAX_NOTE_LENGTH) return { ok: false, reason: 'it is larger than a note may be' };
  const meta = parsed.data;
  return {
    ok: true,
    value: {
      note: {
        id: meta.id,
        title: meta.title,
        tags: cleanTags(meta.tags),
        createdAt: meta.created,
        updatedAt: meta.updated,
        excerpt: excerptOf(body),
        body,
      },
      deletedAt: meta.deleted ?? null,
    },
  };
}
