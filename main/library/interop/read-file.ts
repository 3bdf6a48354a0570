/** Reads an annotation file's text within the size cap: UTF-8 (BOM or not) or UTF-16 with its BOM. */
import type { Result } from '../../../preload/api';
import { MAX_ANNOTATION_FILE_BYTES } from '../../../common/interop/limits';
import { errnoOf } from '../storage/failures';
import type { FileSystem } from '../storage/file-system';

export async function readAnnotationFile(fsys: FileSystem, filePath: string): Promise<Result<string>> {
  let bytes: Buffer;
  try {
    const { size } = await fsys.stat(filePath);
    if (size > MAX_ANNOTATION_FILE_BYTES) {
      return {
        ok: false,
        code: 'too-large',
        message: `${filePath} is ${(size / 1024 / 1024).toFixed(0)} MB; an annotation file may be at most ${MAX_ANNOTATION_FILE_BYTES / 1024 / 1024} MB.`,
      };
    }
    bytes = await fsys.readFile(filePath);
  } catch (error) {
    const code = errnoOf(error);
    return {
      ok: false,
      code: code === 'ENOENT' ? 'not-found' : 'unreadable',
      message: `Could not read ${filePath}${code === null ? '' : ` (${code})`}.`,
    };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { ok: true, value: new TextDecoder('utf-16le').decode(bytes) };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { ok: true, value: new TextDecoder('utf-16be').decode(bytes) };
  return { ok: true, value: new TextDecoder('utf-8').decode(bytes) };
}
