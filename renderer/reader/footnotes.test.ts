import { describe, expect, it } from 'vitest';
import { footnoteId } from './footnotes';
import { markdownToHtml } from './markdown';

// From the notes of T. S. Eliot's The Waste Land (1922), in the form a markdown edition gives them.
const WASTE_LAND = [
  'April is the cruellest month, breeding',
  'Lilacs out of the dead land[^1], mixing',
  'Memory and desire, stirring[^stir].',
  '',
  '[^1]: Not only the title, but the plan and a good deal of the incidental symbolism of the poem',
  'were suggested by Miss Jessie L. Weston’s book on the Grail legend: *From Ritual to Romance*.',
  '[^stir]: A second note, with [a link](https://example.org/) & an ampersand.',
  '',
  'The last paragraph.',
].join('\n');

describe('footnotes', () => {
  const html = markdownToHtml(WASTE_LAND);

  it('renders references as links to their notes, never as raw [^1]', () => {
    expect(html).not.toContain('[^');
    expect(html).toContain('<sup><a href="#fn-1" id="fnref-1" title="Footnote 1">1</a></sup>, mixing');
    expect(html).toContain('<a href="#fn-stir" id="fnref-stir" title="Footnote stir">stir</a>');
  });

  it('renders each note where it stands, with its inline markdown, linked back to its reference', () => {
    expect(html).toMatch(
      /<p id="fn-1"><small><sup>1<\/sup> Not only the title[^<]*Grail legend: <em>From Ritual to Romance<\/em>\. <a href="#fnref-1"/,
    );
    expect(html).toContain('with <a href="https://example.org/">a link</a> &amp; an ampersand.');
    expect(html).toContain('<p>The last paragraph.</p>');
  });

  it('leaves brackets that are not footnotes alone', () => {
    expect(markdownToHtml('A [^ spaced] bracket and [x][y] and [^].')).toBe(
      '<p>A [^ spaced] bracket and [x][y] and [^].</p>\n',
    );
    expect(markdownToHtml('Code `[^1]` stays code.')).toBe('<p>Code <code>[^1]</code> stays code.</p>\n');
  });

  it('makes ids safe from any label', () => {
    expect(footnoteId('note "1" <b>')).toMatch(/^[\w.!~*'()-]+$/);
    expect(markdownToHtml('x[^a<b]')).not.toContain('<b]');
  });
});
