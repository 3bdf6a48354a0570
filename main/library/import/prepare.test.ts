import { describe, expect, it } from 'vitest';
import { prepareDocument } from './prepare';
import { afterTitle } from './stats';

const bytes = (text: string) => new TextEncoder().encode(text);

function prepared(name: string, text: string) {
  const result = prepareDocument(name, bytes(text));
  if ('ok' in result) throw new Error(result.message);
  return result;
}

describe('excerpts do not repeat a title taken from the first line', () => {
  it('starts a .txt excerpt after its first-line title', () => {
    const doc = prepared(
      'notes.txt',
      'Evening Notes from the Harbour\n\nThe boats came in late, low in the water.\n',
    );
    expect(doc.title).toBe('Evening Notes from the Harbour');
    expect(doc.excerpt).toBe('The boats came in late, low in the water.');
  });

  it('starts after the title when the title line is wrapped into the first paragraph', () => {
    const doc = prepared('notes.txt', 'Evening Notes from the Harbour\nThe boats came in late.\n');
    expect(doc.title).toBe('Evening Notes from the Harbour');
    expect(doc.excerpt).toBe('The boats came in late.');
    const long = prepared(
      'long.txt',
      `The tide turned at six. ${'The harbour filled with boats and gulls. '.repeat(4)}\n`,
    );
    expect(long.title).toBe('The tide turned at six');
    expect(long.excerpt.startsWith('The harbour filled with boats')).toBe(true);
  });

  it('keeps the first paragraph when the title comes from a Gutenberg header', () => {
    const doc = prepared('book.txt', 'Title: Harbour Tales\n\nHarbour Tales begin here.\n');
    expect(doc.title).toBe('Harbour Tales');
    expect(doc.excerpt).toBe('Title: Harbour Tales Harbour Tales begin here.');
  });

  it('starts a .md excerpt after a first-line title, and leaves heading and front matter titles alone', () => {
    expect(prepared('a.md', 'Evening Notes\n\nThe boats came in.\n').excerpt).toBe('The boats came in.');
    expect(prepared('b.md', '# Notes\n\nNotes are kept daily.\n').excerpt).toBe('Notes are kept daily.');
    expect(prepared('c.md', '---\ntitle: Notes\n---\nNotes are kept daily.\n').excerpt).toBe(
      'Notes are kept daily.',
    );
  });
});

describe('afterTitle', () => {
  it('drops the title and the punctuation after it, keeping what follows', () => {
    expect([...afterTitle(['', 'A first sentence. Then more.', 'Next'], 'A first sentence')]).toEqual([
      '',
      'Then more.',
      'Next',
    ]);
    // A title cut mid-sentence keeps the whole opening in the excerpt.
    expect([...afterTitle(['A very long line cut here and more'], 'A very long line cut…')]).toEqual([
      'A very long line cut here and more',
    ]);
    expect([...afterTitle(['Something else'], 'Title')]).toEqual(['Something else']);
  });
});
