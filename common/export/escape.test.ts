/** quoteBlock's one-pass escaping checked against escapeLine applied line by line (its definition). */
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeLine } from './escape';
import { quoteBlock } from './quote-block';

/** What quoteBlock is defined to write: every line through escapeLine, blank lines as paragraph breaks. */
function quoteBlockByLines(text: string): string {
  let out = '';
  let blankBefore = false;
  for (const line of text.replace(/\r\n|[\r\u2028\u2029\u0085]/g, '\n').split('\n')) {
    const escaped = escapeLine(line);
    if (escaped === '') {
      blankBefore = out !== '';
      continue;
    }
    out += out === '' ? `> ${escaped}` : blankBefore ? `\n>\n> ${escaped}` : `\n> ${escaped}`;
    blankBefore = false;
  }
  return out === '' ? '>' : out;
}

/** Characters with a rule of their own, the whitespace `trim` knows, every line break, and prose. */
const PIECES = [
  ...'\\`*_[]<>#|~&^%$={}():-+.)0123456789 \t\v\f\u00a0\u1680\u2000\u200a\u202f\u205f\u3000\ufeff',
  '\n',
  '\r',
  '\r\n',
  '\u2028',
  '\u2029',
  '\u0085',
  '\u180e',
  'word',
  'Natasha’s',
  '==',
  '{{',
  '((',
  '::',
  '1.',
  '123456789)',
  '1234567890.',
  '- ',
  '+ ',
  '😀',
];
const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 30 }).map((parts) => parts.join(''));

describe('quoteBlock', () => {
  it('writes what escapeLine writes for each line, for generated hostile text', () => {
    fc.assert(
      fc.property(text, (quote) => {
        expect(quoteBlock(quote)).toBe(quoteBlockByLines(quote));
      }),
      { numRuns: 3000 },
    );
  });

  it('escapes runs pair by pair from the left and line starts after trimming', () => {
    const cases = [
      '{{{ x ((( y :::: z',
      '  = one\n== two\n  +3\n -4',
      '1) a\n123456789. b\n1234567890. c\n 12) d',
      '\u00a0\u3000# not a heading\u2028\u2028> not a quote\r\n\r\n`code`',
      '',
      ' \n\t\n',
    ];
    for (const quote of cases) expect(quoteBlock(quote)).toBe(quoteBlockByLines(quote));
    expect(quoteBlock('{{{ a ((( b :::')).toBe('> {\\{{ a (\\(( b :\\::');
    expect(quoteBlock(' = a\n\n\n-b')).toBe('> \\= a\n>\n> \\-b');
  });
});
