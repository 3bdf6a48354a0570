import { describe, expect, it } from 'vitest';
import type { AnnotationGroup } from '../../../preload/api';
import { matchGroups, normalizeTitle, normalizeUrl, type MatchableDocument } from './matching';
import { htmlToText, renderedTextOf } from './rendered-text';

const DOCS: MatchableDocument[] = [
  { id: 'aaaaaaaaaaaaaaaa', title: 'War and Peace', author: 'Leo Tolstoy', source: 'war-and-peace.txt' },
  { id: 'bbbbbbbbbbbbbbbb', title: 'The Idiot', author: 'Fyodor Dostoyevsky', source: null },
  {
    id: 'cccccccccccccccc',
    title: 'How to Do Great Work',
    author: null,
    source: 'https://www.paulgraham.com/greatwork.html',
  },
  { id: 'dddddddddddddddd', title: 'Emma', author: 'Jane Austen', source: null },
];

const group = (fields: Partial<AnnotationGroup>): AnnotationGroup => ({
  key: 'k',
  title: null,
  author: null,
  url: null,
  documentId: null,
  annotations: [],
  ...fields,
});
const matchOf = (fields: Partial<AnnotationGroup>) => matchGroups([group(fields)], DOCS)[0]?.match ?? null;

describe('matching imported groups to documents', () => {
  it('takes a Lectern id first, then a normalised URL', () => {
    expect(matchOf({ documentId: 'bbbbbbbbbbbbbbbb', title: 'War and Peace' })).toMatchObject({
      documentId: 'bbbbbbbbbbbbbbbb',
      rule: 'id',
    });
    expect(matchOf({ url: 'http://paulgraham.com/greatwork.html/?utm_source=hn#intro' })).toMatchObject({
      documentId: 'cccccccccccccccc',
      rule: 'url',
      needsConfirmation: false,
    });
    // An id the library does not have falls through to the title.
    expect(matchOf({ documentId: 'eeeeeeeeeeeeeeee', title: 'Emma' })).toMatchObject({ rule: 'exact-title' });
  });

  it('matches a title exactly (case, accents, articles, edition remarks) or proposes a look-alike to confirm', () => {
    expect(matchOf({ title: 'WAR AND PEACE (Penguin Classics)', author: 'Tolstoy, Leo' })).toMatchObject({
      documentId: 'aaaaaaaaaaaaaaaa',
      rule: 'exact-title',
      needsConfirmation: false,
    });
    expect(matchOf({ title: 'War & Peace', author: 'Tolstoy, Leo' })).toMatchObject({
      documentId: 'aaaaaaaaaaaaaaaa',
      rule: 'title',
      needsConfirmation: true,
    });
    expect(matchOf({ title: 'Idiot: A Novel in Four Parts', author: 'Dostoevsky, Fyodor' })).toMatchObject({
      documentId: 'bbbbbbbbbbbbbbbb',
      needsConfirmation: true,
    });
  });

  it('never takes a same-titled book by another author without asking, and proposes nothing unlike', () => {
    expect(matchOf({ title: 'Emma', author: 'Somebody Else' })).toMatchObject({
      documentId: 'dddddddddddddddd',
      needsConfirmation: true,
    });
    expect(matchOf({ title: 'Anna Karenina', author: 'Leo Tolstoy' })).toBeNull();
    expect(matchOf({ title: '' })).toBeNull();
    expect(matchOf({})).toBeNull();
  });

  it('normalises', () => {
    expect(normalizeUrl('HTTPS://WWW.Example.org/a/b/?x=1&utm_medium=m')).toBe('example.org/a/b?x=1');
    expect(normalizeUrl('file:///home/me/book.txt')).toBeNull();
    expect(normalizeUrl('not a url')).toBeNull();
    expect(normalizeTitle('The Brothers Karamázov [Kindle Edition]')).toBe('brothers karamazov');
  });
});

describe('the rendered text in main', () => {
  it('is the HTML’s text: tags gone, entities decoded, script contents dropped', () => {
    expect(
      htmlToText('<p>Fish &amp; chips &lt;3 &#8212; &#x2603; &bogus;</p><script>alert(1)</script>'),
    ).toBe('Fish & chips <3 — ☃ &bogus;');
    expect(
      renderedTextOf('# Title\n\nSome *emphasis*\nand a [link](http://x).\n\n## Next\n\n- one\n- two\n'),
    ).toBe('Title\nSome emphasis\nand a link.\nNext\n\none\ntwo\n\n');
  });
});
