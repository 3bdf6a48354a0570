/**
 * A document's outline with byte offsets: the sections of common/sections.ts, each with where it
 * starts and how long it is in the stored UTF-8 file. Kept beside the library as a cache
 * (cache/outlines/<id>.json, keyed by the text's hash), so opening a 30 MB book reads and
 * decodes only the ~64 KB the first screen needs instead of splitting the whole text each time.
 * A missing, stale or unreadable cache file is rebuilt; it holds nothing that is not in the body.
 */
import { z } from 'zod';
import type { SectionOutline } from '../../../preload/api';
import { splitSections } from '../../../common/sections';
import type { FileSystem } from '../storage/file-system';

export const OUTLINE_VERSION = 1;

export interface StoredSection extends SectionOutline {
  byteStart: number;
  byteLength: number;
}

export interface StoredOutline {
  version: typeof OUTLINE_VERSION;
  contentHash: string;
  /** Characters (UTF-16 units) in the whole markdown. */
  totalLength: number;
  sections: StoredSection[];
}

const outlineSchema = z.object({
  version: z.literal(OUTLINE_VERSION),
  contentHash: z.string(),
  totalLength: z.number().int().min(0),
  sections: z
    .array(
      z.object({
        index: z.number().int().min(0),
        heading: z.object({ level: z.union([z.literal(1), z.literal(2), z.literal(3)]), text: z.string() }).nullable(),
        start: z.number().int().min(0),
        length: z.number().int().min(0),
        byteStart: z.number().int().min(0),
        byteLength: z.number().int().min(0),
      }),
    )
    .min(1),
});

/** The outline of `markdown` (whose hash is `contentHash`), with byte offsets. */
export function buildOutline(markdown: string, contentHash: string): StoredOutline {
  let byteStart = 0;
  const sections = splitSections(markdown).map((section): StoredSection => {
    const byteLength = Buffer.byteLength(section.markdown);
    const stored = {
      index: section.index,
      heading: section.heading,
      start: section.start,
      length: section.markdown.length,
      byteStart,
      byteLength,
    };
    byteStart += byteLength;
    return stored;
  });
  return { version: OUTLINE_VERSION, contentHash, totalLength: markdown.length, sections };
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
