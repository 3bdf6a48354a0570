/**
 * The crash test's checks of the library folder itself: where each document's files are (one
 * place: listed, or in the trash), and that every file is one the layout names and parses.
 */
import fs from 'node:fs';
import path from 'node:path';

const ID = /^[0-9a-f]{16}$/;

export interface Place {
  listed: boolean;
  trashEntry: boolean;
  body: boolean;
  trashBody: boolean;
  trashRecord: boolean;
}

export function placesOf(root: string, listed: Set<string>): Map<string, Place> {
  const ids = new Set([
    ...listed,
    ...idsIn(root, 'trash', ''),
    ...idsIn(root, 'documents', '.md'),
    ...idsIn(root, 'annotations', '.json'),
  ]);
  const exists = (...parts: string[]): boolean => fs.existsSync(path.join(root, ...parts));
  return new Map(
    [...ids].map((id) => [
      id,
      {
        listed: listed.has(id),
        trashEntry: exists('trash', id),
        body: exists('documents', `${id}.md`),
        trashBody: exists('trash', id, `${id}.md`),
        trashRecord: readJson(path.join(root, 'trash', id, 'record.json')) !== null,
      },
    ]),
  );
}

export function placeProblem(place: Place): string | null {
  if (place.listed && place.trashEntry) return 'listed and in the trash';
  if (place.listed && !place.body) return 'listed without its body';
  if (place.trashEntry && !(place.trashRecord && place.trashBody))
    return `in the trash without its ${place.trashRecord ? 'body' : 'record'}`;
  if (!place.listed && !place.trashEntry) return 'files in the library, neither listed nor in the trash';
  if (!place.listed && place.body) return 'in the trash with a body left in documents/';
  return null;
}

function idsIn(root: string, folder: string, extension: string): string[] {
  const names = fs.existsSync(path.join(root, folder)) ? fs.readdirSync(path.join(root, folder)) : [];
  return names
    .filter((name) => name.endsWith(extension) && ID.test(name.slice(0, name.length - extension.length)))
    .map((name) => name.slice(0, name.length - extension.length));
}

export function readJson(filePath: string): unknown {
  try {
    return JSON.parse(fs.readFileSync(filePath, 'utf8'));
  } catch {
    return null;
  }
}

const EXPECTED_FILES: RegExp[] = [
  /^library\.json$/,
  /^documents\/[0-9a-f]{16}\.md$/,
  /^annotations\/[0-9a-f]{16}\.json$/,
  // The changes since the file was last written whole (annotations/<id>.log).
  /^annotations\/[0-9a-f]{16}\.log$/,
  /^trash\/([0-9a-f]{16})\/(record\.json|\1\.md|\1\.json|\1\.log)$/,
  /^backups\/library-[^/]+\.json$/,
  // The catalog's shards (catalog/shards.ts), live and backed up.
  /^catalog\/\d{4}-[0-9a-f]{12}\.json$/,
  /^backups\/catalog\/\d{4}-[0-9a-f]{12}\.json$/,
  // The previous version of a document's annotations, kept before each change of its highlights.
  /^backups\/annotations\/[0-9a-f]{16}\.json$/,
  // A document's pictures, live or in its trash entry.
  /^documents\/[0-9a-f]{16}\/assets\/[0-9a-f]{20}\.[a-z]{3,4}$/,
  /^trash\/([0-9a-f]{16})\/\1\/assets\/[0-9a-f]{20}\.[a-z]{3,4}$/,
  /^history\/[0-9a-f]{16}\/[0-9a-f]{64}\.md$/,
  // The tag registry; standalone notes, live and trashed.
  /^tags\.json$/,
  /^notes\/[0-9a-f]{16}\.md$/,
  /^notes\/\.trash\/[0-9a-f]{16}\.md$/,
  // Rebuildable caches (a torn one is rebuilt, so it need not parse).
  /^cache\/outlines\/[0-9a-f]{16}\.json$/,
  /^cache\/search-index\.json$/,
  /^cache\/search-(entries|body)\.bin$/,
];

/** Every JSON file parses; every file is one the layout names (temp and corrupt-aside files are findings). */
export function checkFiles(
  root: string,
  report: { checksMade: number },
  found: (check: string, subject: string, detail: string) => void,
): void {
  for (const relative of walk(root, '')) {
    report.checksMade += 1;
    if (relative.startsWith('.lock')) continue;
    const cache = relative.startsWith('cache/');
    if (!cache && relative.endsWith('.json') && readJson(path.join(root, relative)) === null)
      found('json-parses', relative, 'does not parse');
    if (EXPECTED_FILES.some((pattern) => pattern.test(relative))) continue;
    found(
      relative.includes('.corrupt-') ? 'corrupt-aside' : 'temp-files',
      relative,
      'a file the layout does not name',
    );
  }
}

function walk(root: string, relative: string): string[] {
  const entries = fs.readdirSync(path.join(root, relative), { withFileTypes: true });
  return entries.flatMap((entry) => {
    const child = relative === '' ? entry.name : `${relative}/${entry.name}`;
    return entry.isDirectory() ? walk(root, child) : [child];
  });
}
