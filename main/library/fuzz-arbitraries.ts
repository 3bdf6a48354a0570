/**
 * fast-check arbitraries for fuzzing the contract (fuzz.test.ts): hostile values of every
 * kind, and valid argument lists with one hostile change somewhere inside them.
 */
import * as fc from 'fast-check';
import type { ApiMethod } from '../../preload/api';

/** What a valid call needs to know about the library it is made against. */
export interface KnownIds {
  documentId: string;
  highlightId: string;
  textVersion: string;
}

/** Objects whose own keys are `__proto__` / `constructor` / `prototype`, as JSON.parse makes them. */
const prototypeKeys = fc.constantFrom(
  JSON.parse('{"__proto__": {"polluted": true}}') as object,
  JSON.parse('{"constructor": {"prototype": {"polluted": true}}}') as object,
  JSON.parse('{"__proto__": null, "color": "yellow"}') as object,
  Object.create(null) as object,
  { toString: 'x', valueOf: 1, hasOwnProperty: 2 },
);

const numbers = fc.constantFrom(
  NaN,
  Infinity,
  -Infinity,
  -0,
  -1,
  0.5,
  2 ** 53,
  -(2 ** 31),
  1e308,
  Number.MIN_VALUE,
);

/** Deep nesting: arrays or objects `depth` levels deep (validators that recurse must not crash main). */
const deep = fc.integer({ min: 100, max: 20_000 }).map((depth) => {
  let value: unknown = 'bottom';
  for (let level = 0; level < depth; level++) value = level % 2 === 0 ? [value] : { nested: value };
  return value;
});

/** Big, but bounded so a run stays fast: strings to 200 KB, arrays to 20,000 items, typed arrays to 1 MB. */
const huge = fc.oneof(
  fc.integer({ min: 1000, max: 200_000 }).map((length) => 'ä'.repeat(length)),
  fc.integer({ min: 1000, max: 20_000 }).map((length) => Array.from({ length }, (_, index) => index)),
  fc.integer({ min: 1000, max: 1_000_000 }).map((length) => new Uint8Array(length)),
  fc
    .integer({ min: 100, max: 5000 })
    .map((count) => Object.fromEntries(Array.from({ length: count }, (_, i) => [`k${i}`, i]))),
);

const lookalikeIds = fc.oneof(
  fc.stringMatching(/^[0-9a-f]{16}$/),
  fc.constantFrom(
    '0123456789ABCDEF',
    '0123456789abcde',
    '0123456789abcdef0',
    '../../etc/passwd',
    '0123456789abcde\u0000',
    '',
  ),
);

/** Any value a compromised renderer could send over structured clone, and then some. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  {
    arbitrary: fc.anything({
      maxDepth: 3,
      withBigInt: true,
      withTypedArray: true,
      withMap: true,
      withSet: true,
      withNullPrototype: true,
      withBoxedValues: true,
      withDate: true,
      withSparseArray: true,
    }),
    weight: 4,
  },
  { arbitrary: prototypeKeys, weight: 2 },
  { arbitrary: numbers, weight: 2 },
  { arbitrary: deep, weight: 1 },
  { arbitrary: huge, weight: 1 },
  { arbitrary: lookalikeIds, weight: 2 },
  { arbitrary: fc.constantFrom(undefined, null, true, '', () => 1, Symbol('s')), weight: 1 },
);

/** A valid argument list for each method, for the library `ids` describes. */
export function validArguments(ids: KnownIds): Record<ApiMethod, unknown[]> {
  const quote = { type: 'TextQuoteSelector', exact: 'Prince', prefix: 'Well, ', suffix: ', so' };
  const position = { type: 'TextPositionSelector', start: 6, end: 12 };
  const newHighlight = { color: 'green', quote, position, anchoredVersion: ids.textVersion };
  const time = '2024-01-01T00:00:00.000Z';
  const stored = {
    ...newHighlight,
    id: ids.highlightId,
    documentId: ids.documentId,
    unplaced: false,
    tags: ['war'],
    note: null,
    createdAt: time,
    updatedAt: time,
  };
  const { documentId, highlightId } = ids;
  const file = {
    name: 'fuzz.md',
    bytes: new TextEncoder().encode('# Fuzz\n\nWell, Prince, so Genoa and Lucca.\n'),
  };
  return {
    getLibraryInfo: [],
    takeOpenRequest: [],
    acknowledgeNotice: ['1704067200000-0123abcd'],
    listDocuments: [],
    queryDocuments: [{ sort: 'title', filter: 'prince', offset: 0, limit: 50 }],
    queryRowIndex: [{ sort: 'recent', filter: '', offset: 0, limit: 5000 }],
    openDocument: [documentId],
    exportDocument: [documentId],
    copyDocumentMarkdown: [documentId],
    exportMany: [{ scope: { kind: 'all' }, includeNotes: true }],
    cancelExport: ['0123456789abcdef'],
    previewExportMany: [
      { scope: { kind: 'all' }, includeNotes: true, choice: { preset: 'obsidian', template: '' }, index: 0 },
    ],
    previewAnnotationImport: [],
    importAnnotations: [
      { importId: '0123456789abcdef', assignments: [{ groupKey: 'kindle:War', documentId }] },
    ],
    exportAnnotationsJsonLd: [documentId],
    openDocumentStart: [documentId],
    readDocumentText: [documentId, ids.textVersion],
    readDocumentSections: [documentId, ids.textVersion, 0, 1],
    saveReadingPosition: [documentId, { section: 1, offset: 40, quote: 'Well, Prince', progress: 0.25 }],
    renameDocument: [documentId, 'Anna Pávlovna’s soirée'],
    deleteDocument: [documentId],
    listTrash: [],
    deleteForever: [documentId],
    emptyTrash: [],
    restoreDocument: [documentId],
    importFiles: [[file]],
    chooseAndImportFiles: [],
    prepareImport: [],
    cancelImport: ['0123456789abcdef'],
    getSettings: [],
    updateSettings: [
      {
        fontSize: 20,
        theme: 'sepia',
        highlightLabels: { yellow: 'a', green: 'b', blue: 'c', pink: 'd', purple: 'e', orange: 'f' },
      },
    ],
    openExternal: ['https://example.org/war-and-peace'],
    addHighlight: [documentId, newHighlight],
    updateHighlight: [
      documentId,
      highlightId,
      { color: 'pink', quote, position, anchoredVersion: ids.textVersion },
    ],
    deleteHighlight: [documentId, highlightId],
    restoreHighlight: [documentId, stored],
    saveAnchors: [
      documentId,
      [{ id: highlightId, quote, position, anchoredVersion: ids.textVersion, unplaced: true }],
    ],
    updateDocumentFromFile: [documentId, file],
    chooseAndUpdateDocument: [documentId],
    listTags: [],
    setHighlightTags: [documentId, highlightId, ['politics/armenia', 'War and Peace']],
    setDocumentTags: [documentId, ['tolstoy']],
    renameTag: ['politics', 'world'],
    mergeTags: ['politics', 'history'],
    deleteTag: ['politics'],
    undoTagChange: ['0123456789ab'],
    findLinkTargets: ['prince', 10],
    search: ['"prince andrew" tag:war -genoa', 10],
    resolveLinks: [[`doc/${documentId}`, `highlight/${documentId}/${highlightId}`]],
    getBacklinks: [`doc/${documentId}`],
    getDocumentLinks: [documentId],
    listBrokenLinks: [],
    repairLink: [
      {
        source: { kind: 'document-note', documentId },
        sourceKey: `document-note/${documentId}`,
        sourceTitle: 'Notes',
        start: 0,
        end: 27,
        raw: `[[lectern:doc/${documentId}]]`,
        label: null,
        status: 'missing',
        reason: 'The document was deleted.',
        snippet: 'x',
      },
      null,
    ],
    listNotes: [],
    listUnreadableNotes: [],
    getNote: [ids.documentId],
    createNote: [{ title: 'On Lucca: “Genoa”', body: '# Prince\n\nWell, Prince.', tags: ['war'] }],
    saveNote: [ids.documentId, { body: 'Well, Prince, so Genoa and Lucca.' }],
    deleteNote: [ids.documentId],
    listTrashedNotes: [],
    restoreNote: [ids.documentId],
    setHighlightNote: [documentId, highlightId, 'A *note* on the passage.'],
    setDocumentNote: [documentId, null],
    queryWorkspace: [
      {
        filter: { text: 'prince', tags: ['war'], colors: ['green'], createdFrom: time },
        grouping: 'tag',
        offset: 0,
        limit: 50,
      },
    ],
    editHighlights: [[{ documentId, highlightId }], { kind: 'tag', tag: 'politics/armenia' }],
    undoHighlightsEdit: ['0123456789abcdef'],
    reviewHighlights: ['2026-12-03', 10],
  };
}

type Path = (string | number)[];

/** Every path to a value inside `value` (objects and arrays only), the root included. */
function pathsOf(value: unknown, prefix: Path = []): Path[] {
  if (value === null || typeof value !== 'object' || ArrayBuffer.isView(value)) return [prefix];
  const keys: (string | number)[] = Array.isArray(value)
    ? value.map((_, index) => index)
    : Object.keys(value);
  return [
    prefix,
    ...keys.flatMap((key) => pathsOf((value as Record<string | number, unknown>)[key], [...prefix, key])),
  ];
}

/** A deep copy of `value` with the thing at `path` replaced (or, for an object, given an extra key). */
function changedAt(value: unknown, path: Path, change: (old: unknown) => unknown): unknown {
  if (path.length === 0) return change(value);
  const [head, ...rest] = path as [string | number, ...Path];
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<
    string | number,
    unknown
  >;
  copy[head] = changedAt(copy[head], rest, change);
  return copy;
}

/** Valid arguments of `method` with one hostile change: a value replaced, a key added, an item dropped. */
export function mutatedArguments(method: ApiMethod, ids: KnownIds): fc.Arbitrary<unknown[]> {
  const valid = validArguments(ids)[method];
  const paths = pathsOf(valid).filter((path) => path.length > 0);
  if (paths.length === 0) return fc.array(hostileValue, { minLength: 1, maxLength: 3 });
  return fc
    .tuple(fc.constantFrom(...paths), hostileValue, fc.constantFrom('replace', 'add-key', 'extra-arg'))
    .map(([path, hostile, how]) => {
      if (how === 'extra-arg') return [...valid, hostile];
      const changed = changedAt(valid, path, (old) =>
        how === 'add-key' && old !== null && typeof old === 'object' && !Array.isArray(old)
          ? { ...old, ...(JSON.parse('{"__proto__": {"polluted": true}}') as object), extra: hostile }
          : hostile,
      );
      return changed as unknown[];
    });
}
