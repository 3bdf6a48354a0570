/**
 * Every contract method that writes, as a crash-test operation: when it is possible, the call
 * with seeded arguments, and what it must have changed once acknowledged (see ledger.ts).
 */
import type { DocumentSummary, Failure, Highlight, Result, Settings } from '../preload/api';
import { HIGHLIGHT_COLORS } from '../preload/api';
import type { ApiHandlers } from '../main/library/handlers';
import type { Effects } from './ledger';
import { TITLES, type Random, between, makeDocument, pick } from './texts';

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

function planned<T>(
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

export const highlightValue = (h: Pick<Highlight, 'color' | 'position' | 'unplaced'>): string =>
  `${h.color}@${h.position.start}${h.unplaced ? '!' : ''}`;

const anyDocument = (world: World): TrackedDocument => pick(world.random, [...world.documents.values()]);
const withHighlights = (world: World): TrackedDocument[] =>
  [...world.documents.values()].filter((document) => document.highlights.size > 0);
const fresh = (world: World): string => `${world.token}.${(world.counter += 1)}`;

function importDocuments(world: World): Planned {
  const texts = Array.from({ length: between(world.random, 1, 2) }, () =>
    makeDocument(world.random, world.paragraphs, fresh(world)),
  );
  const files = texts.map((text, index) => ({
    name: `doc-${index}.md`,
    bytes: new TextEncoder().encode(text),
  }));
  // A refused file in the batch: the others must still land.
  if (world.random() < 0.2) files.push({ name: 'binary.md', bytes: new Uint8Array([0, 1, 2, 0, 0, 3]) });
  return planned(
    {},
    () => world.handlers.importFiles(files),
    (report) => {
      const effects: Effects = {};
      for (const outcome of report.outcomes) {
        if (outcome.status !== 'imported') continue;
        const { id, title, textVersion } = outcome.document;
        Object.assign(effects, {
          [`doc:${id}:place`]: 'listed',
          [`doc:${id}:title`]: title,
          [`doc:${id}:version`]: textVersion,
        });
      }
      return effects;
    },
    async (report) => {
      for (const outcome of report.outcomes)
        if (outcome.status === 'imported') await adopt(world, outcome.document);
    },
  );
}

function renameDocument(world: World): Planned {
  const document = anyDocument(world);
  const title = `${pick(world.random, TITLES)} ${fresh(world)}`;
  return planned(
    { [`doc:${document.summary.id}:title`]: title.trim() },
    () => world.handlers.renameDocument(document.summary.id, title),
    (summary) => void (document.summary = summary),
  );
}

function deleteDocument(world: World): Planned {
  const { id } = anyDocument(world).summary;
  return planned(
    { [`doc:${id}:place`]: 'trash' },
    () => world.handlers.deleteDocument(id),
    () => {
      world.documents.delete(id);
      world.trash.add(id);
      world.deletedHighlights = world.deletedHighlights.filter((highlight) => highlight.documentId !== id);
    },
  );
}

function restoreDocument(world: World): Planned {
  const id = pick(world.random, [...world.trash]);
  return planned(
    { [`doc:${id}:place`]: 'listed' },
    () => world.handlers.restoreDocument(id),
    () => void world.trash.delete(id),
    (summary) => adopt(world, summary),
  );
}

function addHighlight(world: World): Planned {
  const document = anyDocument(world);
  const text = document.markdown;
  const start = between(world.random, 0, Math.max(0, text.length - 90));
  const end = Math.min(text.length, start + between(world.random, 5, 80));
  const quote = {
    type: 'TextQuoteSelector' as const,
    exact: text.slice(start, end) || 'x',
    prefix: '',
    suffix: '',
  };
  const color = pick(world.random, HIGHLIGHT_COLORS);
  const position = { type: 'TextPositionSelector' as const, start, end: Math.max(end, start + 1) };
  const anchoredVersion = document.summary.textVersion;
  return planned(
    {},
    () => world.handlers.addHighlight(document.summary.id, { color, quote, position, anchoredVersion }),
    (highlight) => {
      document.highlights.set(highlight.id, highlight);
      return { [`hl:${document.summary.id}:${highlight.id}`]: highlightValue(highlight) };
    },
  );
}

function updateHighlight(world: World): Planned {
  const document = pick(world.random, withHighlights(world));
  const current = pick(world.random, [...document.highlights.values()]);
  const color = pick(world.random, HIGHLIGHT_COLORS);
  return planned(
    { [`hl:${document.summary.id}:${current.id}`]: highlightValue({ ...current, color }) },
    () => world.handlers.updateHighlight(document.summary.id, current.id, { color }),
    (highlight) => void document.highlights.set(highlight.id, highlight),
  );
}

function deleteHighlight(world: World): Planned {
  const document = pick(world.random, withHighlights(world));
  const current = pick(world.random, [...document.highlights.values()]);
  return planned(
    { [`hl:${document.summary.id}:${current.id}`]: 'absent' },
    () => world.handlers.deleteHighlight(document.summary.id, current.id),
    (highlight) => {
      document.highlights.delete(highlight.id);
      world.deletedHighlights.push(highlight);
    },
  );
}

function restoreHighlight(world: World): Planned {
  const highlight = pick(world.random, world.deletedHighlights);
  const document = world.documents.get(highlight.documentId);
  return planned(
    { [`hl:${highlight.documentId}:${highlight.id}`]: highlightValue(highlight) },
    () => world.handlers.restoreHighlight(highlight.documentId, highlight),
    (restored) => {
      world.deletedHighlights = world.deletedHighlights.filter((h) => h !== highlight);
      document?.highlights.set(restored.id, restored);
    },
  );
}

function saveAnchors(world: World): Planned {
  const document = pick(world.random, withHighlights(world));
  const chosen = [...document.highlights.values()].filter(() => world.random() < 0.6).slice(0, 3);
  const updates = chosen.map((highlight) => {
    const start = between(world.random, 0, 5000);
    return {
      id: highlight.id,
      quote: highlight.quote,
      position: { type: 'TextPositionSelector' as const, start, end: start + 7 },
      anchoredVersion: document.summary.textVersion,
      unplaced: world.random() < 0.3,
    };
  });
  const next = updates.map((update) => ({ ...document.highlights.get(update.id)!, ...update }));
  const effects = Object.fromEntries(
    next.map((h) => [`hl:${document.summary.id}:${h.id}`, highlightValue(h)]),
  );
  return planned(
    effects,
    () => world.handlers.saveAnchors(document.summary.id, updates),
    () => next.forEach((highlight) => document.highlights.set(highlight.id, highlight)),
  );
}

function saveReadingPosition(world: World): Planned {
  const { id } = anyDocument(world).summary;
  const offset = between(world.random, 0, 100_000);
  const position = {
    section: between(world.random, 0, 20),
    offset,
    quote: 'Well, Prince',
    progress: world.random(),
  };
  return planned(
    { [`pos:${id}`]: String(offset) },
    () => world.handlers.saveReadingPosition(id, position),
    () => {},
  );
}

function updateSettings(world: World): Planned {
  const random = world.random;
  const candidates: Partial<Settings> = {
    theme: pick(random, ['system', 'light', 'dark', 'sepia'] as const),
    font: pick(random, ['serif', 'sans'] as const),
    fontSize: between(random, 14, 28),
    lineWidth: between(random, 45, 90),
    lineHeight: pick(random, [1.3, 1.45, 1.6, 2]),
    librarySort: pick(random, ['recent', 'added', 'title'] as const),
    lastHighlightColor: pick(random, HIGHLIGHT_COLORS),
    highlightLabels: Object.fromEntries(
      HIGHLIGHT_COLORS.map((c) => [c, `${c} ${fresh(world)}`]),
    ) as Settings['highlightLabels'],
  };
  const patch = Object.fromEntries(Object.entries(candidates).filter(() => random() < 0.35));
  const effects = Object.fromEntries(
    Object.entries(patch).map(([key, value]) => [`set:${key}`, JSON.stringify(value)]),
  );
  return planned(
    effects,
    () => world.handlers.updateSettings(patch),
    () => {},
  );
}

function updateDocumentFromFile(world: World): Planned {
  const document = anyDocument(world);
  const markdown = `${document.markdown}\n\n${pick(world.random, world.paragraphs)} (${fresh(world)})\n`;
  const { id } = document.summary;
  return planned(
    { [`doc:${id}:version`]: '*' },
    () =>
      world.handlers.updateDocumentFromFile(id, {
        name: 'changed.md',
        bytes: new TextEncoder().encode(markdown),
      }),
    (summary) => {
      document.summary = summary;
      document.markdown = markdown;
      return { [`doc:${id}:version`]: summary.textVersion, [`doc:${id}:title`]: summary.title };
    },
  );
}

const MAX_DOCUMENTS = 10;
const hasDocuments = (world: World): boolean => world.documents.size > 0;

export const operations: Operation[] = [
  { name: 'importFiles', possible: (w) => w.documents.size < MAX_DOCUMENTS, plan: importDocuments },
  { name: 'renameDocument', possible: hasDocuments, plan: renameDocument },
  { name: 'deleteDocument', possible: (w) => w.documents.size > 2, plan: deleteDocument },
  {
    name: 'restoreDocument',
    possible: (w) => w.trash.size > 0 && w.documents.size < MAX_DOCUMENTS,
    plan: restoreDocument,
  },
  { name: 'addHighlight', possible: hasDocuments, plan: addHighlight },
  { name: 'updateHighlight', possible: (w) => withHighlights(w).length > 0, plan: updateHighlight },
  { name: 'deleteHighlight', possible: (w) => withHighlights(w).length > 0, plan: deleteHighlight },
  { name: 'restoreHighlight', possible: (w) => w.deletedHighlights.length > 0, plan: restoreHighlight },
  { name: 'saveAnchors', possible: (w) => withHighlights(w).length > 0, plan: saveAnchors },
  { name: 'saveReadingPosition', possible: hasDocuments, plan: saveReadingPosition },
  { name: 'updateSettings', possible: () => true, plan: updateSettings },
  { name: 'updateDocumentFromFile', possible: hasDocuments, plan: updateDocumentFromFile },
];
