import { describe, expect, it } from 'vitest';
import {
  type RegistryData,
  TagRegistry,
  addTags,
  countHighlightUses,
  deleteTag,
  emptyRegistry,
  mergeTags,
  renameTag,
  restoreEntries,
} from './registry';

/** A registry with Tolstoy-ish tags: ids are readable stand-ins for the random ones. */
function sample(): RegistryData {
  let data = addTags(emptyRegistry(), {
    a00000000001: 'Politics',
    a00000000002: 'Politics/Armenia',
    a00000000003: 'politics-and-war',
    a00000000004: 'history/napoleon',
  });
  data = countHighlightUses(
    data,
    new Map([
      ['a00000000001', 3],
      ['a00000000002', 2],
      ['a00000000004', 1],
    ]),
  );
  return data;
}

const names = (data: RegistryData) =>
  new TagRegistry(data)
    .live()
    .map(([, entry]) => entry.name)
    .toSorted();

describe('the tag registry', () => {
  it('finds tags case-insensitively and keeps the first spelling', () => {
    const registry = new TagRegistry(sample());
    expect(registry.idOf('POLITICS')).toBe('a00000000001');
    expect(registry.nameOf('a00000000001')).toBe('Politics');
    expect(registry.within('politics').toSorted()).toEqual(['a00000000001', 'a00000000002']);
  });

  it('renames a parent and its children in one change, not a tag that only starts alike', () => {
    const outcome = renameTag(sample(), 'politics', 'World');
    if (!outcome.ok) throw new Error(outcome.message);
    expect(names(outcome.next)).toEqual(['World', 'World/Armenia', 'history/napoleon', 'politics-and-war']);
    expect(outcome.touched.toSorted()).toEqual(['a00000000001', 'a00000000002']);
    expect(names(restoreEntries(outcome.next, outcome.before))).toEqual(names(sample()));
  });

  it('refuses a rename onto another tag (that is a merge) and into its own child', () => {
    expect(renameTag(sample(), 'politics-and-war', 'politics')).toMatchObject({
      ok: false,
      code: 'duplicate',
    });
    expect(renameTag(sample(), 'politics', 'politics/armenia/x')).toMatchObject({
      ok: false,
      code: 'invalid-argument',
    });
    expect(renameTag(sample(), 'nowhere', 'x')).toMatchObject({ ok: false, code: 'not-found' });
    expect(renameTag(sample(), 'politics', 'POLITICS')).toMatchObject({ ok: true });
  });

  it('merges a tag into another: the old id resolves to the target, children follow, counts add up', () => {
    let next = 0;
    const outcome = mergeTags(sample(), 'politics', 'history', () => `b0000000000${++next}`);
    if (!outcome.ok) throw new Error(outcome.message);
    const registry = new TagRegistry(outcome.next);
    expect(registry.nameOf('a00000000001')).toBe('history');
    expect(registry.nameOf('a00000000002')).toBe('history/Armenia');
    expect(names(outcome.next)).toEqual([
      'history',
      'history/Armenia',
      'history/napoleon',
      'politics-and-war',
    ]);
    const history = registry.live().find(([, entry]) => entry.name === 'history')?.[1];
    expect(history?.highlights).toBe(3);
    expect(names(restoreEntries(outcome.next, outcome.before))).toEqual(names(sample()));
  });

  it('deletes a tag and its children as tombstones that undo brings back', () => {
    const outcome = deleteTag(sample(), 'Politics');
    if (!outcome.ok) throw new Error(outcome.message);
    const registry = new TagRegistry(outcome.next);
    expect(registry.nameOf('a00000000002')).toBeNull();
    expect(registry.nameOf('ffffffffffff')).toBeUndefined();
    expect(registry.idOf('politics')).toBeUndefined();
    expect(new TagRegistry(restoreEntries(outcome.next, outcome.before)).nameOf('a00000000002')).toBe(
      'Politics/Armenia',
    );
  });

  it('counts uses through merges and never below zero', () => {
    const merged = mergeTags(sample(), 'politics-and-war', 'politics', () => 'c00000000001');
    if (!merged.ok) throw new Error(merged.message);
    const counted = countHighlightUses(
      merged.next,
      new Map([
        ['a00000000003', 2],
        ['a00000000004', -5],
      ]),
    );
    expect(counted.tags.a00000000001?.highlights).toBe(5);
    expect(counted.tags.a00000000004?.highlights).toBe(0);
  });
});
