/**
 * The crash test's seeded randomness and the documents it imports: real prose (War and Peace,
 * already in e2e/fixtures) cut into markdown with front matter and awkward titles.
 */
import fs from 'node:fs';
import path from 'node:path';

/** mulberry32: small, fast and fully determined by its seed, so a failing run can be replayed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Random = () => number;

export const pick = <T>(random: Random, items: readonly T[]): T => {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
};

export const between = (random: Random, min: number, max: number): number =>
  min + Math.floor(random() * (max - min + 1));

/** Titles a user could type: accents, quotes, right-to-left text, emoji, markup-looking text. */
export const TITLES = [
  'Книга первая — Анна Павловна',
  '  War & Peace: "the ball" <notes>  ',
  'אנה פבלובנה',
  'Pierre’s 🎩 evening',
  '# not a heading',
  '../../etc/passwd',
  'Prince Andrew at Austerlitz',
  'a'.repeat(120),
];

// The bundle runs from node_modules/.cache: crash/run.mjs says where the repository is.
const PROSE_FILE = path.join(
  process.env.LECTERN_REPO ?? process.cwd(),
  'e2e/fixtures/books/war-and-peace.txt',
);

/** Paragraphs of real prose, read once. */
export function loadParagraphs(): string[] {
  // The first 400 KB hold ~600 paragraphs: plenty, and quick to split at every child start.
  const text = fs.readFileSync(PROSE_FILE, 'utf8').slice(1, 400_000);
  return text
    .split(/\r?\n\r?\n/)
    .map((paragraph) => paragraph.replace(/\s+/g, ' ').trim())
    .filter((paragraph) => paragraph.length > 200 && paragraph.length < 4000);
}

/** A markdown document no other call makes: `token` lands in its text, so its id is new. */
export function makeDocument(random: Random, paragraphs: string[], token: string): string {
  const title = `${pick(random, TITLES).trim()} ${token}`;
  const body = Array.from({ length: between(random, 2, 12) }, () => pick(random, paragraphs));
  const heading = random() < 0.5 ? `## Chapter ${token}\n\n` : '';
  return `---\ntitle: ${JSON.stringify(title)}\nauthor: Leo Tolstoy\n---\n\n${heading}${body.join('\n\n')}\n`;
}
