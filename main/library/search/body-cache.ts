/**
 * Documents' text read for snippets, kept for the next keystrokes' queries: a read is four round
 * trips through the file thread pool (open, stat, read, close), milliseconds each on a busy machine,
 * and the words typed one after another find mostly the same passages.
 */

/** How many texts, and how many characters in all, the cache keeps (the most recently used). */
export interface BodyCacheLimits {
  documents: number;
  chars: number;
}

export class BodyCache {
  private readonly bodies = new Map<string, string>();
  private chars = 0;

  constructor(
    private readonly read: (documentId: string) => Promise<string | null>,
    private readonly limits: BodyCacheLimits,
  ) {}

  /** The document's text, read only when not kept; null (not kept) when it cannot be read. */
  async get(documentId: string): Promise<string | null> {
    const known = this.bodies.get(documentId);
    if (known !== undefined) {
      // Most recently used last: the oldest go first.
      this.bodies.delete(documentId);
      this.bodies.set(documentId, known);
      return known;
    }
    const body = await this.read(documentId);
    // Null is not kept (a missing file costs no read to speak of); another query may have read it meanwhile.
    if (body === null || this.bodies.has(documentId)) return body;
    this.bodies.set(documentId, body);
    this.chars += body.length;
    for (const [oldest, text] of this.bodies) {
      if (this.bodies.size <= this.limits.documents && this.chars <= this.limits.chars) break;
      this.bodies.delete(oldest);
      this.chars -= text.length;
    }
    return body;
  }

  /** The document changed or left: its text is read again when next asked. */
  forget(documentId: string): void {
    this.chars -= this.bodies.get(documentId)?.length ?? 0;
    this.bodies.delete(documentId);
  }
}
