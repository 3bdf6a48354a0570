/**
 * What the crash test's child believes the library holds, and the shape every operation takes:
 * a call planned with what it will change, acknowledged into the ledger (see ledger.ts).
 */
import type { DocumentSummary, Failure, Highlight, Note, Result } from '../preload/api';
import type { ApiHandlers } from '../main/library/handlers';
import type { Effects } from './ledger';
import { type Random, pick } from './texts';

export interface TrackedDocument {
  summary: DocumentSummary;
  markdown: string;
  highlights: Map<string, Highlight>;
}

/** What the child believes the library holds; changed only by acknowledged answers. */
export interface World {
  handlers: ApiHandlers;
  random: Random;
  paragraphs: string[];
  token: string;
  counter: number;
  documents: Map<string, TrackedDocument>;
  trash: Set<string>;
  deletedHighlights: Highlight[];
  /** Standalone notes, live and in the notes trash. */
  notes: Map<string, Note>;
  trashedNotes: Set<string>;
  /** Tag names this run renamed tags to (so later operations use them too). */
  renamedTags: string[];
}

export type Outcome = { ok: true; effects: Effects; after: () => Promise<void> } | Failure;
export interface Planned {
  /** What the operation will change, known before calling (ledgered as the intent). */
  effects: Effects;
  run(): Promise<Outcome>;
}
export interface Operation {
  name: string;
  possible(world: World): boolean;
  plan(world: World): Planned;
}

export function planned<T>(
  effects: Effects,
  call: () => Promise<Result<T>>,
  acknowledge: (value: T) => Effects | void,
  after: (value: T) => Promise<void> = async () => undefined,
): Planned {
  return {
    effects,
    run: async () => {
      const answer = await call();
      if (!answer.ok) return answer;
      return { ok: true, effects: acknowledge(answer.value) ?? {}, after: () => after(answer.value) };
    },
  };
}

/** Reads one listed document's text and highlights into the world. */
export async function adopt(world: World, summary: DocumentSummary): Promise<void> {
  const opened = await world.handlers.openDocument(summary.id);
  if (!opened.ok || opened.value === null) return;
  const highlights = new Map(opened.value.highlights.map((highlight) => [highlight.id, highlight]));
  world.documents.set(summary.id, { summary, markdown: opened.value.markdown, highlights });
}

export const highlightValue = (
  h: Pick<Highlight, 'color' | 'position' | 'unplaced' | 'needsCheck'>,
): string => `${h.color}@${h.position.start}${h.unplaced ? '!' : ''}${h.needsCheck ? '?' : ''}`;

export const anyDocument = (world: World): TrackedDocument =>
  pick(world.random, [...world.documents.values()]);
/** Reads the standalone notes into the world (live and trashed). */
export async function adoptNotes(world: World): Promise<void> {
  const listed = await world.handlers.listNotes();
  const trashed = await world.handlers.listTrashedNotes();
  if (!listed.ok || !trashed.ok) throw new Error('the notes cannot be listed');
  for (const summary of listed.value) {
    const note = await world.handlers.getNote(summary.id);
    if (note.ok) world.notes.set(note.value.id, note.value);
  }
  for (const entry of trashed.value) world.trashedNotes.add(entry.id);
}

export const withHighlights = (world: World): TrackedDocument[] =>
  [...world.documents.values()].filter((document) => document.highlights.size > 0);
export const fresh = (world: World): string => `${world.token}.${(world.counter += 1)}`;
