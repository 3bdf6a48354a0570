import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HIGHLIGHT_COLORS, type Highlight } from '../../preload/api';
import { normalizeTag, uniqueTags } from '../tags';
import { parseAnnotationFile } from './parse-file';
import { highlightsToJsonLd, type JsonLdDocument } from './w3c-export';
import { readW3c, type W3cItem } from './w3c-import';
import { documentIdOfUrn, W3C_CONTEXT } from './w3c-vocab';

const DOC: JsonLdDocument = {
  id: '0123456789abcdef',
  title: 'War and Peace: "Book One" #1',
  author: 'Tolstoy, Leo',
  source: 'https://www.gutenberg.org/ebooks/2600',
};

const hex = (length: number) => fc.stringMatching(new RegExp(`^[0-9a-f]{${length}}$`));
const date = fc
  .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString());
// Unkind text: any unicode, JSON's escapes, markup, lone surrogates excluded (JSON cannot round-trip them).
const text = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 80 }),
  fc.constantFrom('"quoted"\\', '<script>x</script>', '\u2028\u2029', '\n\r\t', '{"@id": "x"}'),
);
const tag = fc
  .string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 12 })
  .map((raw) => normalizeTag(raw))
  .filter((check) => check.ok)
  .map((check) => (check.ok ? check.tag : ''));

const highlight: fc.Arbitrary<Highlight> = fc
  .record({
    id: hex(16),
    color: fc.constantFrom(...HIGHLIGHT_COLORS),
    exact: text.filter((t) => t.length > 0),
    prefix: text,
    suffix: text,
    start: fc.nat({ max: 1_000_000 }),
    length: fc.integer({ min: 1, max: 5000 }),
    anchoredVersion: hex(64),
    unplaced: fc.boolean(),
    needsCheck: fc.boolean(),
    tags: fc.array(tag, { maxLength: 5 }).map((tags) => uniqueTags(tags)),
    note: fc.option(text, { nil: null }),
    createdAt: date,
    updatedAt: date,
  })
  .map((r) => ({
    id: r.id,
    documentId: DOC.id,
    color: r.color,
    quote: { type: 'TextQuoteSelector', exact: r.exact, prefix: r.prefix, suffix: r.suffix },
    position: { type: 'TextPositionSelector', start: r.start, end: r.start + r.length },
    anchoredVersion: r.anchoredVersion,
    unplaced: r.unplaced,
    needsCheck: r.needsCheck,
    tags: r.tags,
    note: r.note,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  }));

/** A read-back annotation as the Lectern highlight it was exported from. */
function asHighlight(item: W3cItem): Highlight {
  return {
    id: item.highlightId ?? 'missing',
    documentId: documentIdOfUrn(item.source ?? '') ?? 'missing',
    color: item.color ?? 'yellow',
    quote: item.quote,
    position: item.position ?? { type: 'TextPositionSelector', start: -1, end: -1 },
    anchoredVersion: item.anchoredVersion ?? 'missing',
    unplaced: item.unplaced ?? false,
    needsCheck: item.needsCheck ?? false,
    tags: item.tags,
    note: item.note,
    createdAt: item.createdAt ?? 'missing',
    updatedAt: item.updatedAt ?? 'missing',
  };
}

describe('W3C Web Annotation JSON-LD', () => {
  it('Lectern → JSON-LD → Lectern loses nothing', () => {
    fc.assert(
      fc.property(fc.array(highlight, { maxLength: 20 }), (highlights) => {
        const written = JSON.stringify(highlightsToJsonLd(DOC, highlights));
        const read = readW3c(JSON.parse(written));
        if (read === null || 'tooMany' in read) throw new Error('not read back');
        expect(read.problems).toEqual([]);
        expect(read.collection).toEqual({
          documentId: DOC.id,
          title: DOC.title,
          author: DOC.author,
          source: DOC.source,
        });
        expect(read.items.map(asHighlight)).toEqual(highlights);
      }),
      { numRuns: 150 },
    );
  });

  it('writes the W3C model: context, collection page, selectors, tagging and commenting bodies', () => {
    const [h] = fc.sample(highlight, { numRuns: 1, seed: 7 });
    if (h === undefined) throw new Error('no sample');
    const json = highlightsToJsonLd(DOC, [{ ...h, tags: ['russia/salon'], note: 'A *note*' }]);
    expect(json['@context']).toEqual([W3C_CONTEXT, { lectern: 'urn:lectern:vocab#' }]);
    expect(json).toMatchObject({ type: 'AnnotationCollection', total: 1, first: { type: 'AnnotationPage' } });
    const item = (json.first as { items: Record<string, unknown>[] }).items[0];
    expect(item).toMatchObject({
      type: 'Annotation',
      motivation: 'highlighting',
      body: [
        { type: 'TextualBody', purpose: 'commenting', value: 'A *note*', format: 'text/markdown' },
        { type: 'TextualBody', purpose: 'tagging', value: 'russia/salon' },
      ],
      target: { selector: [{ type: 'TextQuoteSelector' }, { type: 'TextPositionSelector' }] },
      'lectern:color': h.color,
    });
  });

  it('reads another tool’s annotations: string targets and bodies, bodyValue, a bare array', () => {
    const foreign = [
      {
        '@context': W3C_CONTEXT,
        id: 'https://annotations.example/1',
        type: 'Annotation',
        bodyValue: 'Plain comment',
        body: [{ type: 'TextualBody', value: 'Tagged', purpose: 'tagging' }, 'https://example.org/image.png'],
        target: {
          source: 'https://example.org/essay',
          selector: { type: 'TextQuoteSelector', exact: 'the passage', prefix: 'before ' },
        },
      },
      { '@context': W3C_CONTEXT, type: 'Annotation', target: 'https://example.org/essay' },
      { '@context': W3C_CONTEXT, type: 'Annotation' },
    ];
    const result = parseAnnotationFile(JSON.stringify(foreign));
    if (!result.ok) throw new Error(result.message);
    expect(result.value.format).toBe('w3c');
    expect(result.value.groups).toEqual([
      {
        key: 'w3c:https://example.org/essay',
        title: null,
        author: null,
        url: 'https://example.org/essay',
        documentId: null,
        annotations: [
          {
            quote: 'the passage',
            prefix: 'before ',
            suffix: '',
            position: null,
            note: 'Plain comment',
            tags: ['Tagged'],
            color: null,
            createdAt: null,
            where: null,
            order: null,
            lecternId: null,
          },
        ],
      },
    ]);
    expect(result.value.problems.map((p) => [p.entry, p.message])).toEqual([
      [2, expect.stringContaining('no TextQuoteSelector')],
      [3, expect.stringContaining('not a Web Annotation')],
    ]);
  });
});
