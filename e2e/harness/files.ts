/** Files a test creates at run time (to import, drop, corrupt). */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Writes each `name: content` into dir and returns the paths, in order. */
export async function writeFiles(dir: string, files: Record<string, string | Uint8Array>): Promise<string[]> {
  const paths: string[] = [];
  for (const [name, content] of Object.entries(files)) {
    const path = join(dir, name);
    await writeFile(path, content);
    paths.push(path);
  }
  return paths;
}
