/**
 * A document's outline with byte offsets: the sections of common/sections.ts as columns (one
 * entry a section in each array), with their bytes in the stored UTF-8 file. Kept beside the
 * library as a cache (cache/outlines/<id>.json, keyed by the text's hash), so opening a 30 MB
 * book reads and decodes only the ~64 KB the first screen needs; columns of numbers and strings
 * parse in a fraction of the time an object a section takes. A missing, stale, older-format or
 * unreadable cache file is rebuilt; it holds nothing that is not in the body.
 */
import { z } from 'zod';
import type { DocumentOutline } from '../../../preload/api';
import { splitSections } from '../../../common/sections';
import type { FileSystem } from '../storage/file-system';

/** 2: columns (1 held an object a section; such files are rebuilt). */
export const OUTLINE_VERSION = 2;

/** The contract's outline plus where each section lies in the stored file. */
export interface StoredOutline extends DocumentOutline {
  version: typeof OUTLINE_VERSION;
  contentHash: string;
  /** Characters (UTF-16 units) in the whole markdown. */
  totalLength: number;
  /** Bytes of each section in the stored UTF-8 file (they follow each other from byte 0). */
  byteLengths: number[];
}

const counts = z.array(z.number().int().min(0));

const outlineSchema = z
  .object({
    version: z.literal(OUTLINE_VERSION),
    contentHash: z.string(),
    totalLength: z.number().int().min(0),
    lengths: counts.min(1),
    byteLengths: counts,
    levels: z.array(z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)])),
    titles: z.array(z.string()),
  })
  .refine(
    ({ lengths, byteLengths, levels, titles, totalLength }) =>
      [byteLengths, levels, titles].every((column) => column.length === lengths.length) &&
      lengths.reduce((sum, length) => sum + length, 0) === totalLength,
  );

/** The outline of `markdown` (whose hash is `contentHash`), with byte offsets. */
export function buildOutline(markdown: string, contentHash: string): StoredOutline {
  const outline: StoredOutline = {
    version: OUTLINE_VERSION,
    contentHash,
    totalLength: markdown.length,
    lengths: [],
    byteLengths: [],
    levels: [],
    titles: [],
  };
  for (const section of splitSections(markdown)) {
    outline.lengths.push(section.markdown.length);
    outline.byteLengths.push(Buffer.byteLength(section.markdown));
    outline.levels.push(section.heading?.level ?? 0);
    outline.titles.push(section.heading?.text ?? '');
  }
  return outline;
}

/** The contract's part of a stored outline (the columns are shared, not copied). */
export function publicOutline({ lengths, levels, titles }: StoredOutline): DocumentOutline {
  return { lengths, levels, titles };
}

/** Reads and writes the outline cache; never throws (a cache that fails is simply not used). */
export class OutlineCache {
  constructor(
    private readonly fsys: FileSystem,
    private readonly fileOf: (id: string) => string,
  ) {}

  /** The cached outline of this version of the text, or null. */
  async read(id: string, contentHash: string): Promise<StoredOutline | null> {
    try {
      const parsed = outlineSchema.safeParse(JSON.parse((await this.fsys.readFile(this.fileOf(id))).toString('utf8')));
      if (!parsed.success || parsed.data.contentHash !== contentHash) return null;
      return parsed.data as StoredOutline;
    } catch {
      return null;
    }
  }

  /**
   * Writes in place, without fsync or a temp file: a cache torn by a crash fails to parse (or to
   * match the body) and is rebuilt, so it needs none of the durable write's cost.
   */
  async write(id: string, outline: StoredOutline): Promise<void> {
    try {
      const bytes = Buffer.from(JSON.stringify(outline));
      const file = await this.fsys.open(this.fileOf(id), 'w');
      try {
        let written = 0;
        while (written < bytes.length) {
          const { bytesWritten } = await file.write(bytes, written, bytes.length - written);
          if (bytesWritten <= 0) throw new Error('no progress writing the outline');
          written += bytesWritten;
        }
      } finally {
        await file.close();
      }
    } catch (error) {
      // Only a cache: the next open builds it again.
      console.warn(`Could not cache the outline of ${id}`, error);
    }
  }

  async remove(id: string): Promise<void> {
    await this.fsys.unlink(this.fileOf(id)).catch(() => undefined);
  }
}
