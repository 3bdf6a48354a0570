import { describe, expect, it } from 'vitest';
import { exportToast } from './export-messages';

const base = { filePath: 'C:\\Vault\\Dune.md', keptCopyPath: null, frontMatterKept: false };

describe('exportToast', () => {
  it('names the file and says what happened, for every outcome', () => {
    expect(exportToast({ ...base, outcome: 'created' })).toMatchObject({
      kind: 'success',
      message: 'Notes exported to “Dune.md”.',
      details: ['C:\\Vault\\Dune.md'],
    });
    expect(exportToast({ ...base, outcome: 'unchanged' }).message).toBe('“Dune.md” is already up to date.');
    expect(exportToast({ ...base, outcome: 'updated', frontMatterKept: true }).message).toMatch(
      /your own text in it was kept\. Your changes to its front matter were kept/,
    );
  });

  it('tells where the user’s edited version went when Lectern’s part had been edited', () => {
    const toast = exportToast({
      filePath: '/vault/Dune.md',
      outcome: 'conflicted',
      keptCopyPath: '/vault/Dune (edited 2026-12-03 110000).md',
      frontMatterKept: false,
    });
    expect(toast.message).toContain('your version was kept as “Dune (edited 2026-12-03 110000).md”');
    expect(toast.details).toEqual(['/vault/Dune.md', '/vault/Dune (edited 2026-12-03 110000).md']);
  });
});
