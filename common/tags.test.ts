import { describe, expect, it } from 'vitest';
import {
  MAX_TAG_LENGTH,
  isWithinTag,
  normalizeTag,
  renamedTag,
  tagAncestry,
  tagKey,
  uniqueTags,
} from './tags';

const ok = (raw: string) => {
  const check = normalizeTag(raw);
  if (!check.ok) throw new Error(`refused ${JSON.stringify(raw)}: ${check.message}`);
  return check.tag;
};
const refusal = (raw: string) => {
  const check = normalizeTag(raw);
  if (check.ok) throw new Error(`accepted ${JSON.stringify(raw)} as ${check.tag}`);
  return check.message;
};

describe('normalizeTag', () => {
  it('trims and collapses inner whitespace to one dash, keeping the spelling', () => {
    expect(ok('  Cold   War ')).toBe('Cold-War');
    expect(ok('a\u00a0\u00a0b')).toBe('a-b');
    expect(ok('politics / armenia')).toBe('politics/armenia');
  });

  it('keeps letters of every script and composes accents', () => {
    expect(ok('Ереван')).toBe('Ереван');
    expect(ok('e\u0301te\u0301')).toBe('été');
    expect(ok('読書/メモ')).toBe('読書/メモ');
    expect(ok('to-do_2024')).toBe('to-do_2024');
  });

  it('refuses empty, invisible and markup-breaking tags with a reason', () => {
    expect(refusal('')).toMatch(/empty/);
    expect(refusal('   ')).toMatch(/empty/);
    expect(refusal('a\nb')).toMatch(/line breaks/);
    expect(refusal('zero\u200bwidth')).toMatch(/invisible/);
    for (const bad of ['#tag', 'a,b', '[x]', 'say "hi"', 'a:b', 'x|y', '<script>', 'a{b}']) {
      expect(refusal(bad)).toMatch(/cannot contain/);
    }
    expect(refusal('/politics')).toMatch(/empty level|start or end/);
    expect(refusal('politics//armenia')).toMatch(/empty level/);
    expect(refusal('1984')).toMatch(/digits/);
    expect(refusal('1984/2')).toMatch(/digits/);
    expect(ok('1984/orwell')).toBe('1984/orwell');
  });

  it('caps length in characters, not UTF-16 units', () => {
    expect(ok('a'.repeat(MAX_TAG_LENGTH))).toHaveLength(MAX_TAG_LENGTH);
    expect(refusal('a'.repeat(MAX_TAG_LENGTH + 1))).toMatch(/at most/);
    expect(ok('😀'.repeat(MAX_TAG_LENGTH))).toHaveLength(MAX_TAG_LENGTH * 2);
  });
});

describe('tag identity and nesting', () => {
  it('compares case-insensitively', () => {
    expect(tagKey('Politics/Armenia')).toBe(tagKey('politics/armenia'));
    expect(uniqueTags(['Politics', 'history', 'politics', 'HISTORY', 'war'])).toEqual([
      'Politics',
      'history',
      'war',
    ]);
  });

  it('nests by slash, without matching a mere prefix', () => {
    expect(isWithinTag('politics/armenia', 'Politics')).toBe(true);
    expect(isWithinTag('politics', 'politics')).toBe(true);
    expect(isWithinTag('politicsx', 'politics')).toBe(false);
    expect(isWithinTag('politics', 'politics/armenia')).toBe(false);
    expect(tagAncestry('a/b/c')).toEqual(['a', 'a/b', 'a/b/c']);
  });

  it('renames a parent with its children and leaves others alone', () => {
    expect(renamedTag('politics/armenia', 'politics', 'world')).toBe('world/armenia');
    expect(renamedTag('Politics', 'politics', 'world')).toBe('world');
    expect(renamedTag('politicsx', 'politics', 'world')).toBeNull();
  });
});
