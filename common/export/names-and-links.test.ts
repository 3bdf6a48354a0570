import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { deepLink, parseDeepLink } from './deep-link';
import { exportFileName, fileNameKey, safeBaseName, utf8Length } from './file-names';
import { formatFrontMatter } from './front-matter';

describe('safeBaseName', () => {
  it('makes names every system accepts and a wikilink can name', () => {
    expect(safeBaseName('What? A <b>Title</b>: "quoted" / split \\ #1 ^x [a] | b*')).toBe(
      'What A b Title b quoted split 1 x a b',
    );
    expect(safeBaseName('CON')).toBe('CON_');
    expect(safeBaseName('lpt1.txt')).toBe('lpt1.txt_');
    expect(safeBaseName('...hidden. . .')).toBe('hidden');
    expect(safeBaseName('  \n\t ')).toBe('Untitled');
    expect(safeBaseName('Cafe\u0301')).toBe('Café');
    expect(safeBaseName('line\u2028break\u0000nul')).toBe('line break nul');
  });

  it('stays within 255 bytes with the collision suffix, never cutting a character', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), (title) => {
        const name = exportFileName(title, '0123456789abcdef', true);
        expect(utf8Length(name)).toBeLessThanOrEqual(255);
        expect(name).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
        expect(name).not.toMatch(/[<>:"/\\|?*#^[\]\p{Cc}]/u);
        expect(safeBaseName(title)).not.toMatch(/[. ]$/);
      }),
    );
    const emoji = '👩‍👩‍👧'.repeat(40);
    expect(utf8Length(exportFileName(emoji, '0123456789abcdef'))).toBeLessThanOrEqual(255);
  });

  it('names collisions by the document id, so they are stable whatever the export order', () => {
    expect(exportFileName('Dune', '0123456789abcdef', true)).toBe('Dune (0123456789abcdef).md');
    expect(fileNameKey('DUNE.md')).toBe(fileNameKey('dune.md'));
  });
});

describe('deep links', () => {
  it('round-trips and refuses anything else', () => {
    const link = deepLink('0123456789abcdef', 'fedcba9876543210');
    expect(link).toBe('lectern://open?doc=0123456789abcdef&highlight=fedcba9876543210');
    expect(parseDeepLink(link)).toEqual({ documentId: '0123456789abcdef', highlightId: 'fedcba9876543210' });
    expect(parseDeepLink(deepLink('0123456789abcdef'))).toEqual({
      documentId: '0123456789abcdef',
      highlightId: null,
    });
    for (const bad of [
      'lectern://app/index.html',
      'lectern://open?doc=0123456789ABCDEF',
      'lectern://open?doc=0123456789abcdef&x=1',
      'lectern://open?doc=0123456789abcdef&highlight=javascript:alert(1)',
      'LECTERN://open?doc=0123456789abcdef',
      ' lectern://open?doc=0123456789abcdef',
    ])
      expect(parseDeepLink(bad)).toBeNull();
    expect(() => deepLink('../../etc')).toThrow();
  });
});

describe('formatFrontMatter', () => {
  it('round-trips any string through an independent YAML parser', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 60 }),
        fc.array(fc.string(), { maxLength: 3 }),
        (title, tags) => {
          const yaml = formatFrontMatter([
            ['title', title],
            ['tags', tags],
            ['n', 3],
            ['none', null],
          ]);
          const parsed = parseYaml(yaml.slice(4, -4)) as Record<string, unknown>;
          const expected = title.replace(
            /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g,
            '\ufffd',
          );
          expect(parsed).toEqual({ title: expected, tags, n: 3, none: null });
        },
      ),
    );
  });
});
