import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { codeRanges } from './link-code';
import {
  type LinkTarget,
  formatLink,
  parseLinkAt,
  parseLinks,
  parseTargetKey,
  replaceLinks,
  scanLinkByHand,
  snippetAround,
  targetKey,
} from './links';

const DOC = '0123456789abcdef';
const DOC2 = 'fedcba9876543210';
const HL = 'a1b2c3d4e5f60718';
const NOTE = '00000000deadbeef';

const labels = (text: string) => parseLinks(text).map((link) => link.label);
const keys = (text: string) => parseLinks(text).map((link) => (link.target ? targetKey(link.target) : null));

describe('parseLinks', () => {
  it('reads the three kinds with their labels and positions', () => {
    const text = `Tolstoy argues in [[lectern:doc/${DOC}|War and Peace]] that [[lectern:highlight/${DOC}/${HL}|history is made by many]]; see [[lectern:note/${NOTE}]].`;
    const links = parseLinks(text);
    expect(links.map((link) => link.target)).toEqual([
      { kind: 'doc', documentId: DOC },
      { kind: 'highlight', documentId: DOC, highlightId: HL },
      { kind: 'note', noteId: NOTE },
    ]);
    expect(labels(text)).toEqual(['War and Peace', 'history is made by many', null]);
    for (const link of links) expect(text.slice(link.start, link.end)).toMatch(/^\[\[lectern:.*\]\]$/);
  });

  it('leaves `[[` with no end, a lone `]]` and foreign wiki links as text', () => {
    expect(parseLinks(`An open [[lectern:doc/${DOC}|label that never ends`)).toEqual([]);
    expect(parseLinks(`An open [[lectern:doc/${DOC}`)).toEqual([]);
    expect(parseLinks('A lone ]] and [[Obsidian Page]] and [[lectern:')).toEqual([]);
  });

  it('does not let a label run over a line break', () => {
    expect(parseLinks(`[[lectern:doc/${DOC}|first line\nsecond]]`)).toEqual([]);
  });

  it('reads adjacent links, and the inner one of nested brackets', () => {
    const adjacent = `[[lectern:doc/${DOC}]][[lectern:doc/${DOC2}|b]]`;
    expect(keys(adjacent)).toEqual([`doc/${DOC}`, `doc/${DOC2}`]);
    const nested = `[[lectern:doc/${DOC}|see [[lectern:note/${NOTE}|the note]] here]]`;
    expect(keys(nested)).toEqual([`note/${NOTE}`]);
  });

  it('reports unknown kinds and bad ids as malformed links', () => {
    const links = parseLinks(
      `[[lectern:video/${DOC}|x]] [[lectern:doc/${DOC.toUpperCase()}]] [[lectern:doc/123]] [[lectern:highlight/${DOC}]]`,
    );
    expect(links.map((link) => [link.target, link.problem])).toEqual([
      [null, 'unknown-kind'],
      [null, 'bad-id'],
      [null, 'bad-id'],
      [null, 'bad-id'],
    ]);
  });

  it('skips links in code spans and fenced code, not beside them', () => {
    const text = [
      `Use \`[[lectern:doc/${DOC}]]\` to link, like [[lectern:doc/${DOC2}|this]].`,
      '',
      '```markdown',
      `[[lectern:note/${NOTE}]]`,
      '```',
      '',
      `~~~~\n[[lectern:note/${NOTE}]]\n~~~\nstill code\n~~~~`,
      `After: [[lectern:highlight/${DOC}/${HL}]] and \`\`a \` [[lectern:doc/${DOC}]]\`\``,
    ].join('\n');
    expect(keys(text)).toEqual([`doc/${DOC2}`, `highlight/${DOC}/${HL}`]);
  });

  it('does not pair backticks across paragraphs', () => {
    const text = `A stray \` here.\n\n[[lectern:doc/${DOC}]]\n\nAnother \` there.`;
    expect(keys(text)).toEqual([`doc/${DOC}`]);
  });

  it('treats an unclosed fence as code to the end', () => {
    expect(parseLinks(`\`\`\`\n[[lectern:doc/${DOC}]]`)).toEqual([]);
  });

  it('reads labels with escapes and markup verbatim', () => {
    const text = `[[lectern:doc/${DOC}|a \\| b \\] c \\[ d \\\\ *bold* <script>x</script>]]`;
    expect(labels(text)).toEqual(['a | b ] c [ d \\ *bold* <script>x</script>']);
  });

  it('reads a 1 MB note of near-links in one pass', () => {
    const unfinished = `[[lectern:doc/${DOC}|never closed `.repeat(30_000);
    const many = `word [[lectern:doc/${DOC}|x]] `.repeat(20_000);
    const backticks = '` `` ``` '.repeat(50_000);
    expect(parseLinks(unfinished)).toEqual([]);
    expect(parseLinks(many)).toHaveLength(20_000);
    expect(parseLinks(backticks + many.slice(0, 1000)).length).toBeGreaterThan(0);
  });
});

describe('formatLink', () => {
  const targets: LinkTarget[] = [
    { kind: 'doc', documentId: DOC },
    { kind: 'note', noteId: NOTE },
    { kind: 'highlight', documentId: DOC, highlightId: HL },
  ];

  it('round-trips any label through parseLinks (line breaks become spaces)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...targets),
        fc.string({ unit: 'grapheme', maxLength: 40 }),
        (target, label) => {
          const [link] = parseLinks(`before ${formatLink(target, label)} after`);
          expect(link?.target).toEqual(target);
          const expected = label.replace(/\s*[\r\n]+\s*/g, ' ').trim();
          expect(link?.label).toBe(expected === '' ? null : expected);
        },
      ),
    );
  });

  it('escapes the characters that would end or split the link', () => {
    expect(formatLink({ kind: 'doc', documentId: DOC }, 'a|b]]c\nd')).toBe(
      `[[lectern:doc/${DOC}|a\\|b\\]\\]c d]]`,
    );
  });
});

describe('helpers', () => {
  it('parses target keys', () => {
    expect(parseTargetKey(`note/${NOTE}`)).toEqual({ kind: 'note', noteId: NOTE });
    expect(parseTargetKey('note')).toBe('bad-id');
    expect(parseTargetKey('')).toBe('unknown-kind');
    expect(parseTargetKey(`highlight/${DOC}/${HL}`)).toEqual({
      kind: 'highlight',
      documentId: DOC,
      highlightId: HL,
    });
    expect(parseTargetKey(`doc/${DOC}/${HL}`)).toBe('bad-id');
    expect(parseTargetKey(`highlight/${DOC}`)).toBe('bad-id');
    expect(parseTargetKey(`highlight/${DOC}/${HL}/x`)).toBe('bad-id');
    expect(parseTargetKey(`highlight/${DOC}x${HL}`)).toBe('bad-id');
    expect(parseTargetKey(`doc/${DOC.toUpperCase()}`)).toBe('bad-id');
    expect(parseTargetKey(`doc/`)).toBe('bad-id');
    expect(parseTargetKey(`book/${DOC}`)).toBe('unknown-kind');
  });

  it('reads a label with escapes in it, and only up to its own closing brackets', () => {
    const [link] = parseLinks(`See [[lectern:doc/${DOC}|War \\\\ Peace \\| vol\\]\\]1]] and more]]`);
    expect(link?.label).toBe('War \\ Peace | vol]]1');
    expect(link?.target).toEqual({ kind: 'doc', documentId: DOC });
  });

  it('reads a link at a position only where one starts', () => {
    expect(parseLinkAt(`x[[lectern:doc/${DOC}]]`, 1)?.end).toBe(33);
    expect(parseLinkAt(`x[[lectern:doc/${DOC}]]`, 0)).toBeNull();
  });

  it('reads plain links by RegExp exactly as the hand scan reads them', () => {
    const kinds = ['doc/', 'note/', 'highlight/', 'book/', ''];
    const ids = [DOC, `${DOC}/${HL}`, `${DOC}/`, '0123456789ABCDEF', 'abc', ''];
    const rest = ['/', HL, '|', ']]', ']', '[', '[[', '\\', '\n', 'War & Peace', ' ', '`', '[[lectern:'];
    const texts = fc
      .tuple(
        fc.constantFrom(...kinds),
        fc.constantFrom(...ids),
        fc.array(fc.constantFrom(...rest), { maxLength: 8 }),
      )
      .map(([kind, id, tail]) => `[[lectern:${kind}${id}${tail.join('')}`);
    fc.assert(
      fc.property(texts, (text) => {
        for (let at = 0; at >= 0; at = text.indexOf('[[lectern:', at + 1))
          expect(parseLinkAt(text, at), JSON.stringify(text)).toEqual(scanLinkByHand(text, at));
      }),
      { numRuns: 5000 },
    );
  });

  it('cuts a snippet on the link line', () => {
    const text = `Heading\nIn chapter one, Pierre meets [[lectern:doc/${DOC}|Andrei]] at the soirée.\nNext`;
    const link = parseLinks(text)[0] ?? { start: 0, end: 0 };
    expect(snippetAround(text, link.start, link.end, 10)).toBe(
      `…rre meets [[lectern:doc/${DOC}|Andrei]] at the so…`,
    );
  });

  it('replaces or removes links, keeping the text around them', () => {
    const text = `See [[lectern:doc/${DOC}|Old]] and [[lectern:doc/${DOC2}|Other]].`;
    const out = replaceLinks(text, (link) =>
      link.target?.kind === 'doc' && link.target.documentId === DOC
        ? (link.label ?? '')
        : text.slice(link.start, link.end),
    );
    expect(out).toBe(`See Old and [[lectern:doc/${DOC2}|Other]].`);
  });

  it('finds code ranges', () => {
    expect(codeRanges('a `b` c')).toEqual([{ start: 2, end: 5 }]);
    expect(codeRanges('no code')).toEqual([]);
  });
});
