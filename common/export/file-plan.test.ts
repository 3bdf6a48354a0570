import { describe, expect, it } from 'vitest';
import { formatManifest, isPlannableName, planFileNames, readManifest } from './file-plan';

const A = 'aaaaaaaaaaaaaaaa';
const B = 'bbbbbbbbbbbbbbbb';
const C = 'cccccccccccccccc';

describe('export file plan', () => {
  it('gives a shared title’s plain name to the first item, the id-suffixed one to the next', () => {
    const plan = planFileNames(
      [
        { id: A, title: 'Emma' },
        { id: B, title: 'EMMA' },
        { id: C, title: '\u00c9mma' },
        { id: 'dddddddddddddddd', title: 'E\u0301mma' },
      ],
      {},
    );
    // Case and Unicode normalisation do not make names distinct (macOS and Windows ignore them).
    expect([...plan.values()]).toEqual([
      'Emma.md',
      `EMMA (${B}).md`,
      '\u00c9mma.md',
      '\u00c9mma (dddddddddddddddd).md',
    ]);
  });

  it('keeps the manifest’s names, even for a renamed document, and steps around them', () => {
    const plan = planFileNames(
      [
        { id: B, title: 'Emma' },
        { id: A, title: 'Emma, a novel' },
      ],
      { [A]: 'Emma.md' },
    );
    expect(plan.get(A)).toBe('Emma.md');
    expect(plan.get(B)).toBe(`Emma (${B}).md`);
  });

  it('reads only safe names from a manifest found in a folder (it may have been edited)', () => {
    const text = JSON.stringify({
      files: {
        [A]: '../../.bashrc.md',
        [B]: 'C:\\Windows\\evil.md',
        [C]: 'Persuasion.md',
        'not-an-id': 'Emma.md',
        dddddddddddddddd: 'CON.md',
        eeeeeeeeeeeeeeee: 42,
      },
    });
    expect(readManifest(text)).toEqual({ [C]: 'Persuasion.md' });
    expect(readManifest('{ not json')).toEqual({});
    expect(readManifest('null')).toEqual({});
    expect(readManifest(null)).toEqual({});
    expect(isPlannableName('Emma.md')).toBe(true);
    expect(isPlannableName('.md')).toBe(false);
    expect(isPlannableName('Emma. .md')).toBe(false);
  });

  it('writes the same manifest bytes for the same names in any order', () => {
    expect(formatManifest({ [B]: 'b.md', [A]: 'a.md' })).toBe(formatManifest({ [A]: 'a.md', [B]: 'b.md' }));
    expect(readManifest(formatManifest({ [A]: 'Emma.md' }))).toEqual({ [A]: 'Emma.md' });
  });
});
