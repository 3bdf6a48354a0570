/** The ~30 MB markdown book of the big-book benches: War and Peace's chapters repeated, each heading distinct. */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { benchTmpDir, warAndPeacePath } from './support';

const MEGABYTE = 1024 * 1024;

/** The generated book's title (its first heading). */
export const TITLE_30MB = 'War and Peace (30 MB)';

/** The heading of chapter `chapter` (1-based) of copy `copy`, as the generated book writes it. */
export const copyHeadingPrefix = (copy: number, chapter: number): string =>
  `Copy ${copy}, chapter ${chapter} (`;

/**
 * War and Peace's chapters (Gutenberg header and licence cut off), repeated until the markdown
 * passes 30 MB; every chapter gets its own heading ("Copy 3, chapter 42 (CHAPTER XI)").
 */
export async function thirtyMegabyteBook(): Promise<string> {
  const text = await readFile(warAndPeacePath, 'utf8');
  const start = text.indexOf('BOOK ONE: 1805');
  const end = text.indexOf('*** END OF THIS PROJECT GUTENBERG EBOOK');
  if (start < 0 || end < 0) throw new Error('War and Peace no longer has the expected start and end');
  const chapters = text
    .slice(start, end)
    .split(/^(CHAPTER [IVXLC]+)\s*$/m)
    .slice(1);
  const parts: string[] = [];
  for (let i = 0; i + 1 < chapters.length; i += 2) {
    parts.push(chapters[i] as string, (chapters[i + 1] as string).trim());
  }
  const intro =
    'Thirty megabytes of War and Peace for the first-screen benchmark: the whole novel, chapter ' +
    'by chapter, copied again and again with every chapter under a heading of its own, so the ' +
    'reader has a long outline, a long body and no two sections with the same name to confuse ' +
    'a saved position with another. Nothing here is meant to be read twice.';
  const out: string[] = [`# ${TITLE_30MB}\n\n${intro}\n`];
  let bytes = Buffer.byteLength(out[0] as string);
  for (let copy = 1; bytes < 30 * MEGABYTE; copy++) {
    for (let c = 0; c < parts.length; c += 2) {
      const piece = `\n## ${copyHeadingPrefix(copy, c / 2 + 1)}${parts[c]})\n\n${parts[c + 1]}\n`;
      out.push(piece);
      bytes += Buffer.byteLength(piece);
    }
  }
  const file = join(benchTmpDir, 'war-and-peace-30mb.md');
  await writeFile(file, out.join(''));
  return file;
}
