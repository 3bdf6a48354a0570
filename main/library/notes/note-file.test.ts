import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Note } from '../../../preload/api';
import { excerptOf, formatNoteFile, parseNoteFile } from './note-file';

const note = (patch: Partial<Note> = {}): Note => ({
  id: '0123456789abcdef',
  title: 'On the Hedgehog and the Fox',
  tags: ['philosophy/isaiah-berlin', 'Essays'],
  createdAt: '2024-01-01T00:00:01.000Z',
  updatedAt: '2024-01-02T10:15:00.000Z',
  excerpt: '',
  body: '# Archilochus\n\n“The fox knows many things, but the hedgehog knows one big thing.”\n',
  ...patch,
});

function roundTrip(original: Note): Note {
  const read = parseNoteFile(formatNoteFile(original));
  if (!read.ok) throw new Error(read.reason);
  return read.value.note;
}

describe('note files', () => {
  it('round-trips titles YAML would misread: colons, quotes, #, newlines, numbers, YAML words', () => {
    const titles = [
      'Tolstoy: a reply',
      '"Quoted" and \'single\'',
      '# not a comment',
      'first line\nsecond line',
      '1984',
      'null',
      'yes',
      '---',
      '- [ ] { }: &anchor *alias !tag |',
      '',
      '  padded  ',
    ];
    for (const title of titles) expect(roundTrip(note({ title })).title).toBe(title);
  });

  it('keeps the body byte for byte, front-matter-like lines and all', () => {
    const body = '---\nid: ffffffffffffffff\n---\n\r\nA line with trailing spaces   \n\n\n';
    const read = roundTrip(note({ body }));
    expect(read.body).toBe(body);
    expect(read.id).toBe('0123456789abcdef');
  });

  it('round-trips any title and body (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), fc.string({ maxLength: 400 }), (title, body) => {
        const read = roundTrip(note({ title, body }));
        expect([read.title, read.body]).toEqual([title, body]);
      }),
      { numRuns: 300 },
    );
  });

  it('normalises tags on reading and drops those that cannot be tags', () => {
    const text = formatNoteFile(note()).replace(
      /tags:[\s\S]*?created/u,
      'tags: ["  War and  Peace ", "war-and-peace", "#bad", "Russia/1812"]\ncreated',
    );
    const read = parseNoteFile(text);
    expect(read.ok && read.value.note.tags).toEqual(['War-and-Peace', 'Russia/1812']);
  });

  it('says why a file is not a note', () => {
    const good = formatNoteFile(note());
    const cases: [string, RegExp][] = [
      ['no front matter at all', /does not start/],
      ['---\nid: 0123456789abcdef\n', /no closing/],
      ['---\nid: [unclosed\ntitle: x\n---\nbody', /not valid YAML/],
      [good.replace(/id: .*\n/u, ''), /id/],
      [good.replace(/id: .*\n/u, 'id: "../../etc/passwd"\n'), /id/],
      ['---\n- a list\n---\n', /front matter is not a note/],
    ];
    for (const [text, reason] of cases) {
      const read = parseNoteFile(text);
      expect(read.ok).toBe(false);
      if (!read.ok) expect(read.reason).toMatch(reason);
    }
  });

  it('reads a title typed as a number outside the app, and a byte order mark', () => {
    const text = `\uFEFF${formatNoteFile(note()).replace(/title: .*\n/u, 'title: 1984\n')}`;
    const read = parseNoteFile(text);
    expect(read.ok && read.value.note.title).toBe('1984');
  });

  it('excerpts one line of text from markdown', () => {
    expect(excerptOf('# Title\n\n> quoted **bold** text\n- item')).toBe('Title quoted bold text item');
    expect(excerptOf('word '.repeat(1000)).length).toBeLessThanOrEqual(160);
  });
});
