/**
 * The crash test's tag and note operations: tags on highlights and documents, a tag renamed
 * everywhere, notes on highlights, and standalone notes created, saved, trashed and restored.
 * A highlight's tags and note are checked under `hlx:<doc>:<id>`, a document's tags under
 * `dtags:<id>`, a standalone note under `note:<id>` (see check.ts).
 */
import type { Highlight, Note } from '../preload/api';
import { isWithinTag, renamedTag, tagKey } from '../common/tags';
import type { Effects } from './ledger';
import { between, pick } from './texts';
import { type Planned, type World, anyDocument, fresh, planned, withHighlights } from './world';

/** Lower-case names only: a tag's spelling is its first one, so the check compares keys. */
const VOCABULARY = ['war', 'peace', 'history', 'history/russia', 'people/pierre', 'people/natasha'];

/** What `hlx:` holds: the tags (by identity, sorted) and a digest of the note. */
export const annotationValue = (h: Pick<Highlight, 'tags' | 'note'>): string =>
  `${tagsValue(h.tags)}|${h.note === null ? '-' : digest(h.note)}`;

export const tagsValue = (tags: readonly string[]): string => tags.map(tagKey).toSorted().join(',');

export const noteValue = (note: Pick<Note, 'title' | 'body' | 'tags'>): string =>
  `${digest(note.title)}|${digest(note.body)}|${tagsValue(note.tags)}`;

/** FNV-1a, with the length: enough to tell one note text from another in a ledger line. */
export function digest(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return `${text.length}:${hash.toString(16)}`;
}

function someTags(world: World): string[] {
  const names = [...VOCABULARY, ...world.renamedTags];
  const count = between(world.random, 0, 3);
  return [...new Set(Array.from({ length: count }, () => pick(world.random, names)))];
}

export function setHighlightTags(world: World): Planned {
  const document = pick(world.random, withHighlights(world));
  const current = pick(world.random, [...document.highlights.values()]);
  const tags = someTags(world);
  return planned(
    { [`hlx:${document.summary.id}:${current.id}`]: annotationValue({ ...current, tags }) },
    () => world.handlers.setHighlightTags(document.summary.id, current.id, tags),
    (highlight) => void document.highlights.set(highlight.id, highlight),
  );
}

export function setDocumentTags(world: World): Planned {
  const document = anyDocument(world);
  const tags = someTags(world);
  return planned(
    { [`dtags:${document.summary.id}`]: tagsValue(tags) },
    () => world.handlers.setDocumentTags(document.summary.id, tags),
    (summary) => void (document.summary = summary),
  );
}

/** The tags the listed documents, their highlights and the live notes carry now. */
function tagsInUse(world: World): string[] {
  const used = new Set<string>();
  for (const note of world.notes.values()) for (const tag of note.tags) used.add(tagKey(tag));
  for (const document of world.documents.values()) {
    for (const tag of document.summary.tags) used.add(tagKey(tag));
    for (const highlight of document.highlights.values())
      for (const tag of highlight.tags) used.add(tagKey(tag));
  }
  return [...used];
}

export const canRenameTag = (world: World): boolean => tagsInUse(world).length > 0;

/** Renames a tag in use (children follow) to a name never used before, in one registry write. */
export function renameTag(world: World): Planned {
  const from = pick(world.random, tagsInUse(world));
  const to = `renamed-${fresh(world).replace(/[^a-z0-9-]/gi, '-')}`;
  const rename = (tags: readonly string[]) => tags.map((tag) => renamedTag(tag, from, to) ?? tag);
  const effects: Effects = {};
  for (const document of world.documents.values()) {
    const id = document.summary.id;
    if (document.summary.tags.some((tag) => isWithinTag(tag, from)))
      effects[`dtags:${id}`] = tagsValue(rename(document.summary.tags));
    for (const highlight of document.highlights.values())
      if (highlight.tags.some((tag) => isWithinTag(tag, from)))
        effects[`hlx:${id}:${highlight.id}`] = annotationValue({
          ...highlight,
          tags: rename(highlight.tags),
        });
  }
  // Notes follow a rename too (their files are rewritten); trashed notes are not checked for tags.
  for (const note of world.notes.values())
    if (note.tags.some((tag) => isWithinTag(tag, from)))
      effects[`note:${note.id}`] = noteValue({ ...note, tags: rename(note.tags) });
  return planned(
    effects,
    () => world.handlers.renameTag(from, to),
    () => {
      world.renamedTags.push(to);
      for (const [nid, note] of world.notes) world.notes.set(nid, { ...note, tags: rename(note.tags) });
      for (const document of world.documents.values()) {
        document.summary = { ...document.summary, tags: rename(document.summary.tags) };
        for (const [hid, highlight] of document.highlights)
          document.highlights.set(hid, { ...highlight, tags: rename(highlight.tags) });
      }
    },
  );
}

export function setHighlightNote(world: World): Planned {
  const document = pick(world.random, withHighlights(world));
  const current = pick(world.random, [...document.highlights.values()]);
  const note =
    world.random() < 0.2 ? null : `${pick(world.random, world.paragraphs).slice(0, 400)} ${fresh(world)}`;
  return planned(
    { [`hlx:${document.summary.id}:${current.id}`]: annotationValue({ ...current, note }) },
    () => world.handlers.setHighlightNote(document.summary.id, current.id, note),
    (highlight) => void document.highlights.set(highlight.id, highlight),
  );
}

export function createNote(world: World): Planned {
  const title = `On ${pick(world.random, ['“the ball”', 'Pierre: #1', 'war & peace', 'a---b'])} ${fresh(world)}`;
  const body = `# Thoughts\n\n${pick(world.random, world.paragraphs).slice(0, 600)}\n`;
  const tags = someTags(world);
  return planned(
    {},
    () => world.handlers.createNote({ title, body, tags }),
    (note) => {
      world.notes.set(note.id, note);
      return { [`note:${note.id}`]: noteValue(note) };
    },
  );
}

export function saveNote(world: World): Planned {
  const note = pick(world.random, [...world.notes.values()]);
  const body = `${note.body}\n${pick(world.random, world.paragraphs).slice(0, 300)} ${fresh(world)}\n`;
  const title = world.random() < 0.3 ? `${note.title} (revised)`.slice(0, 400) : note.title;
  return planned(
    { [`note:${note.id}`]: noteValue({ ...note, title, body }) },
    () => world.handlers.saveNote(note.id, { title, body }),
    (saved) => void world.notes.set(saved.id, saved),
  );
}

export function deleteNote(world: World): Planned {
  const note = pick(world.random, [...world.notes.values()]);
  return planned(
    { [`note:${note.id}`]: 'trash' },
    () => world.handlers.deleteNote(note.id),
    () => {
      world.notes.delete(note.id);
      world.trashedNotes.add(note.id);
    },
  );
}

export function restoreNote(world: World): Planned {
  const id = pick(world.random, [...world.trashedNotes]);
  return planned(
    // The trashed note's text is not in the world: an interrupted restore may land either way.
    { [`note:${id}`]: '*' },
    () => world.handlers.restoreNote(id),
    (note) => {
      world.trashedNotes.delete(id);
      world.notes.set(note.id, note);
      return { [`note:${note.id}`]: noteValue(note) };
    },
  );
}
