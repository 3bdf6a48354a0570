import { describe, expect, it } from 'vitest';
import { parseHypothesis } from './hypothesis';
import { parseAnnotationFile } from './parse-file';

const URI = 'https://www.gutenberg.org/files/2600/2600-h/2600-h.htm';

/** As /api/search returns it: a highlight with all three selector kinds, a page note, a reply and more. */
const SEARCH_RESULT = {
  total: 6,
  rows: [
    {
      id: 'aB3dE5fG7h',
      created: '2021-05-04T10:11:12.345678+00:00',
      updated: '2021-05-04T10:11:12.345678+00:00',
      user: 'acct:reader@hypothes.is',
      uri: URI,
      text: 'Anna Pávlovna’s *opening* — note the <b>French</b>.',
      tags: ['russia', 'War & Peace', 'salon  talk', '1805', ''],
      group: '__world__',
      target: [
        {
          source: URI,
          selector: [
            {
              type: 'RangeSelector',
              endOffset: 54,
              startOffset: 0,
              endContainer: '/div[1]/p[3]',
              startContainer: '/div[1]/p[3]',
            },
            { end: 1254, type: 'TextPositionSelector', start: 1200 },
            {
              type: 'TextQuoteSelector',
              exact: 'Well, Prince, so Genoa and Lucca are now just family',
              prefix: 'CHAPTER I\n\n“',
              suffix: ' estates of the Buonapartes.',
            },
          ],
        },
      ],
      document: { title: ['War and Peace, by Leo Tolstoy'] },
    },
    { id: 'page-note', uri: URI, text: 'Whole-page thought', tags: [], target: [{ source: URI }] },
    {
      id: 'reply',
      uri: URI,
      text: 'I agree',
      references: ['aB3dE5fG7h'],
      target: [{ source: URI }],
    },
    {
      id: 'range-only',
      uri: URI,
      text: '',
      target: [{ source: URI, selector: [{ type: 'RangeSelector', startContainer: '/p[1]' }] }],
    },
    { id: 'broken', uri: 42, target: 'nope' },
    {
      id: 'other-page',
      uri: 'https://example.org/essay',
      created: 'not a date',
      text: null,
      tags: null,
      target: [{ selector: [{ type: 'TextQuoteSelector', exact: 'An essay’s line' }] }],
      document: { title: 'An essay' },
    },
  ],
};

describe('parseHypothesis', () => {
  it('reads quote, context, position, note and tags, and says why the rest cannot be imported', () => {
    const result = parseHypothesis(SEARCH_RESULT);
    if (!result.ok) throw new Error(result.message);
    const [war, essay] = result.value.groups;
    expect(war).toMatchObject({ title: 'War and Peace, by Leo Tolstoy', url: URI, author: null });
    expect(war?.annotations).toEqual([
      {
        quote: 'Well, Prince, so Genoa and Lucca are now just family',
        prefix: 'CHAPTER I\n\n“',
        suffix: ' estates of the Buonapartes.',
        position: { start: 1200, end: 1254 },
        note: 'Anna Pávlovna’s *opening* — note the <b>French</b>.',
        tags: ['russia', 'War-Peace', 'salon-talk'],
        color: null,
        createdAt: '2021-05-04T10:11:12.345Z',
        where: null,
        order: null,
        lecternId: null,
      },
    ]);
    expect(essay?.annotations[0]).toMatchObject({
      quote: 'An essay’s line',
      note: null,
      tags: [],
      createdAt: null,
    });
    expect(result.value.problems.map((p) => p.entry)).toEqual([2, 3, 4, 5]);
    expect(result.value.problems.map((p) => p.message)).toEqual([
      expect.stringContaining('page note'),
      expect.stringContaining('reply'),
      expect.stringContaining('RangeSelector'),
      expect.stringContaining('not a Hypothesis annotation'),
    ]);
  });

  it('accepts one annotation or a plain array, through the file reader', () => {
    const one = SEARCH_RESULT.rows[0];
    for (const json of [one, [one]]) {
      const result = parseAnnotationFile(`\uFEFF${JSON.stringify(json, null, 2)}`);
      expect(result.ok && result.value.format).toBe('hypothesis');
      expect(result.ok && result.value.groups[0]?.annotations).toHaveLength(1);
    }
  });
});

describe('parseAnnotationFile', () => {
  it('refuses what is no annotation file with a message that says what it expected', () => {
    expect(parseAnnotationFile('')).toMatchObject({ ok: false, code: 'empty' });
    expect(parseAnnotationFile('{"rows": [')).toMatchObject({ ok: false, code: 'unsupported-type' });
    expect(parseAnnotationFile('{"hello": "world"}')).toMatchObject({
      ok: false,
      message: expect.stringContaining('Hypothesis'),
    });
    expect(parseAnnotationFile('Just some prose.\nMore prose.')).toMatchObject({
      ok: false,
      message: expect.stringContaining('My Clippings'),
    });
  });

  it('refuses more than 100,000 annotations', () => {
    const rows = Array.from({ length: 100_001 }, () => ({ uri: URI }));
    expect(parseHypothesis({ rows })).toMatchObject({
      ok: false,
      code: 'too-large',
      message: expect.stringContaining('100,001'),
    });
  });
});
