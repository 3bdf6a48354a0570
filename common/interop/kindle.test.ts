import { describe, expect, it } from 'vitest';
import type { AnnotationGroup } from '../../preload/api/interop';
import { parseKindleClippings } from './kindle';
import type { ParsedAnnotations } from './limits';

const SEP = '==========';

/** Entries as a Kindle writes them: title, meta, blank, text, separator. */
const file = (entries: [string, string, string][], eol = '\n') =>
  entries.map(([title, meta, text]) => [title, meta, '', text, SEP].join(eol)).join(eol) + eol;

function parsed(text: string): ParsedAnnotations {
  const result = parseKindleClippings(text);
  if (!result.ok) throw new Error(result.message);
  return result.value;
}
const group = (value: ParsedAnnotations, title: string): AnnotationGroup => {
  const found = value.groups.find((g) => g.title === title);
  if (found === undefined)
    throw new Error(`no group ${title}: ${value.groups.map((g) => g.title).join(' / ')}`);
  return found;
};

describe('parseKindleClippings', () => {
  it('reads a file with a BOM and CRLF line ends, titles with parentheses and several locales', () => {
    const text =
      '\uFEFF' +
      file(
        [
          [
            'The Black Swan (Incerto) (Taleb, Nassim Nicholas)',
            '- Your Highlight on page 12 | Location 123-125 | Added on Sunday, 3 March 2019 10:00:00',
            'What you know cannot really hurt you.',
          ],
          [
            'Der Zauberberg (Mann, Thomas)',
            '- Ihre Markierung auf Seite 5 | Position 70-72 | Hinzugefügt am Montag, 4. März 2019 09:00:00',
            'Ein einfacher junger Mensch reiste im Hochsommer.',
          ],
          [
            'The Black Swan (Incerto) (Taleb, Nassim Nicholas)',
            '- Your Note on Location 125 | Added on Sunday, 3 March 2019 10:01:00',
            'Compare with Hume.',
          ],
        ],
        '\r\n',
      );
    const value = parsed(text);
    expect(value.groups.map((g) => [g.title, g.author])).toEqual([
      ['The Black Swan (Incerto)', 'Taleb, Nassim Nicholas'],
      ['Der Zauberberg', 'Mann, Thomas'],
    ]);
    const swan = group(value, 'The Black Swan (Incerto)');
    expect(swan.annotations).toHaveLength(1);
    expect(swan.annotations[0]).toMatchObject({
      quote: 'What you know cannot really hurt you.',
      note: 'Compare with Hume.',
      where: 'page 12, location 123-125',
    });
    expect(value.problems).toEqual([]);
  });

  it('collapses re-highlights into the latest, and keeps a note written on the earlier one', () => {
    const title = 'War and Peace (Tolstoy, Leo)';
    const value = parsed(
      file([
        [
          title,
          '- Your Highlight on Location 100-101 | Added on Monday, 1 April 2019 10:00:00',
          'Well, Prince, so Genoa and Lucca',
        ],
        [title, '- Your Note on Location 101 | Added on Monday, 1 April 2019 10:00:30', 'Opening line'],
        [
          title,
          '- Your Highlight on Location 100-102 | Added on Monday, 1 April 2019 10:01:00',
          'Well, Prince, so Genoa and Lucca are now just family estates of the Buonapartes.',
        ],
        [
          title,
          '- Your Highlight on Location 900-901 | Added on Monday, 1 April 2019 10:02:00',
          'Well, Prince',
        ],
      ]),
    );
    const annotations = group(value, 'War and Peace').annotations;
    expect(value.duplicatesCollapsed).toBe(1);
    // The far "Well, Prince" is another passage: same words, other place.
    expect(annotations.map((a) => a.quote)).toEqual([
      'Well, Prince, so Genoa and Lucca are now just family estates of the Buonapartes.',
      'Well, Prince',
    ]);
    // The note was written on the first version; its location lies inside the latest one.
    expect(annotations[0]?.note).toBe('Opening line');
    expect(value.problems).toEqual([]);
  });

  it('skips empty notes, counts bookmarks, reports location-only and malformed entries by number', () => {
    const title = 'Meditations (Marcus Aurelius)';
    const text = [
      title,
      '- Your Highlight on Location 10-12 | Added on Tuesday, 2 July 2019 07:00:00',
      '',
      'Begin the morning by saying to thyself,',
      SEP,
      title,
      '- Your Note on Location 12 | Added on Tuesday, 2 July 2019 07:00:10',
      '',
      '',
      SEP,
      title,
      '- Your Bookmark on Location 40 | Added on Tuesday, 2 July 2019 07:01:00',
      '',
      '',
      SEP,
      title,
      '- Your Highlight on Location 50-51 | Added on Tuesday, 2 July 2019 07:02:00',
      '',
      '',
      SEP,
      'garbage line without meta',
      SEP,
      title,
      '- Your Highlight on Location 60-61 | Added on Tuesday, 2 July 2019 07:03:00',
      '',
      '<You have reached the clipping limit for this item>',
      SEP,
      title,
      '- Your Highlight on Location 70 | Added on Tuesday, 2 July 2019 07:04:00',
      '',
      'Line one of a passage',
      'and its second line',
    ].join('\n');
    const value = parsed(text);
    expect(value.bookmarks).toBe(1);
    const annotations = group(value, 'Meditations').annotations;
    expect(annotations.map((a) => [a.quote, a.note])).toEqual([
      ['Begin the morning by saying to thyself,', null],
      ['Line one of a passage\nand its second line', null],
    ]);
    expect(value.problems.map((p) => [p.entry, p.line])).toEqual([
      [4, 16],
      [5, 21],
      [6, 23],
    ]);
    expect(value.problems[2]?.message).toContain('clipping limit');
  });

  it('never throws on hostile text, and says nothing was readable', () => {
    for (const text of ['', SEP, `${SEP}\n${SEP}`, 'x\n'.repeat(1000), '\u0000\uFFFF\n==========\n(\n- \n']) {
      const result = parseKindleClippings(text);
      expect(result.ok).toBe(true);
    }
  });
});
