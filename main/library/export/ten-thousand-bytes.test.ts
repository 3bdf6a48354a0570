/**
 * The export.10k document's output pinned by hash: the speed work on the formatter must not move
 * one byte. The hashes are of the output before that work (the formatter of commit 55f4468).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatDocumentMarkdown } from '../../../common/export/format';
import { renderDocumentExport } from '../../../common/export/render';
import { tenThousandHighlights, TEN_THOUSAND_OPTIONS } from '../../../common/export/ten-thousand';
import { warAndPeacePath } from '../../../e2e/harness/paths';

const book = readFileSync(warAndPeacePath, 'utf8').replace(/\r\n/g, '\n');
const doc = tenThousandHighlights(book);
const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

describe('the 10,000-highlight export', () => {
  it('writes the same bytes as before (Obsidian preset, the hand-written formatter)', () => {
    const markdown = formatDocumentMarkdown(doc, TEN_THOUSAND_OPTIONS);
    expect(markdown.match(/^\^h-/gm)).toHaveLength(10_000);
    expect(sha256(markdown)).toBe('91f4f18d24330514c80c1366a0e56750729ecc863badaa87a1fd880416aa8c40');
  });

  it('renders the same bytes as before through the Logseq and plain templates', () => {
    for (const [preset, hash] of [
      ['logseq', '921500543e535eb984d1fdf93fafdfde79be1f0c79149fe4d9ba8b5e7620f463'],
      ['plain', '1f1660a9a2de7616b9cba35a2b6ba7565a6e6a2b11df3be64b8c735d61dc0e7f'],
    ] as const) {
      const rendered = renderDocumentExport(doc, TEN_THOUSAND_OPTIONS, { preset, template: '' });
      if (!rendered.ok) throw new Error(rendered.message);
      expect(sha256(rendered.value.frontMatter + rendered.value.body), preset).toBe(hash);
    }
  });
});
