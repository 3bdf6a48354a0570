/**
 * The port through which other holders of tag names (standalone notes: YAML front matter keeps
 * names, not ids) follow renames, merges and deletes. The composition root registers them.
 */

/** Something that stores tag names itself and must be rewritten when a tag changes. */
export interface TagHolder {
  /** Uses per tag name (any spelling; counted by identity). */
  tagUses(): Map<string, number>;
  /**
   * Rewrites every tag through `change` (a new name, or `null` to remove it). May answer a
   * function that reverts exactly this rewrite (used by undo; a delete cannot be undone without it).
   */
  rewriteTags(change: (tag: string) => string | null): Promise<void | (() => Promise<void>)>;
}
