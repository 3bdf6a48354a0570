/** Where things are: the repository, the built app and the test fixtures. */
import { join, resolve } from 'node:path';

export const repoRoot = resolve(import.meta.dirname, '..', '..');
export const rendererDir = join(repoRoot, 'out', 'renderer');
export const rendererIndex = join(rendererDir, 'index.html');
export const electronMainEntry = join(repoRoot, 'out', 'main', 'index.js');
/** The built conversion worker the app imports files with (main/convert-worker.ts). */
export const convertWorkerScript = join(repoRoot, 'out', 'main', 'convert-worker.js');
/** The sample documents a new library starts with. */
export const seedDir = join(repoRoot, 'documents');
export const booksDir = join(repoRoot, 'e2e', 'fixtures', 'books');
export const warAndPeacePath = join(booksDir, 'war-and-peace.txt');
export const screenshotsDir = join(repoRoot, 'e2e', 'screenshots');
