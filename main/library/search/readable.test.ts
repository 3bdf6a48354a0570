import { describe, expect, it } from 'vitest';
import { readablePassage } from './readable';

describe('readablePassage', () => {
  it('drops the HTML that folds a Gutenberg header, keeping its words', () => {
    const markdown = [
      '<details>',
      '<summary>Project Gutenberg header</summary>',
      '',
      '<p>The Project Gutenberg EBook of Moby-Dick; or, The Whale, by Herman Melville</p>',
      '<p>This eBook is for the use of anyone anywhere &amp; at no cost</p>',
      '</details>',
    ].join('\n');
    expect(readablePassage(markdown)).toBe(
      [
        'Project Gutenberg header',
        'The Project Gutenberg EBook of Moby-Dick; or, The Whale, by Herman Melville',
        'This eBook is for the use of anyone anywhere & at no cost',
      ].join('\n'),
    );
  });

  it('reads headings, quotes, lists, links, images, emphasis and footnotes as text', () => {
    const markdown = [
      '## CHAPTER 3. The Spouter-Inn.',
      '> *Entering* that gable-ended [Spouter-Inn](https://example.org/inn "inn"), you found yourself',
      '- [ ] a wide, **low**, straggling entry[^1]',
      '12. ![a painting](assets/painting.png) so thoroughly besmoked',
      '* [[Ishmael|the narrator]] and [[Queequeg]]',
    ].join('\n');
    expect(readablePassage(markdown).split('\n')).toEqual([
      'CHAPTER 3. The Spouter-Inn.',
      'Entering that gable-ended Spouter-Inn, you found yourself',
      'a wide, low, straggling entry',
      'a painting so thoroughly besmoked',
      'the narrator and Queequeg',
    ]);
  });

  it('drops lines that are only syntax: fences, rules and table rules', () => {
    const markdown = [
      '```ts',
      'const whale = 1;',
      '```',
      '---',
      '| Ship | Port |',
      '|:---|---:|',
      '| Pequod | Nantucket |',
    ];
    expect(readablePassage(markdown.join('\n')).split('\n')).toEqual([
      'const whale = 1;',
      'Ship   Port',
      'Pequod   Nantucket',
    ]);
  });

  it('decodes numeric entities but leaves invalid ones and unknown names as written', () => {
    expect(readablePassage('caf&#233; &#x2014; &#xD800; &bogus; &#0;')).toBe('café — &#xD800; &bogus; &#0;');
  });

  it('keeps hostile markup as inert text and stays linear on unclosed brackets', () => {
    expect(readablePassage('<img src=x onerror=alert(1)>look <script>alert(2)</script>')).toBe(
      'look alert(2)',
    );
    const brackets = '[['.repeat(50_000) + 'whale';
    expect(readablePassage(brackets).endsWith('whale')).toBe(true);
  });
});
