/**
 * Where a link inside a book goes once the book is one markdown document: each chapter starts
 * at `#ch-<n>`, and an element a link or the TOC points at gets `#c<n>-<its id>`. Links out
 * of the book keep their http(s)/mailto URL; anything else becomes plain text.
 */
import { safeAnchorId } from '../web/article-cleanup';
import { webLink } from '../web/convert-web-page';
import { fragmentOfHref, resolveInBook } from './book-paths';

export class BookLinks {
  /** Zip path → chapter number (1-based, spine order). */
  private readonly chapterOf = new Map<string, number>();
  /** `path#id` pairs something points at: only these get anchors. */
  private readonly targets = new Set<string>();

  /** Registers a chapter's file under its number. */
  setChapter(path: string, chapter: number): void {
    this.chapterOf.set(path, chapter);
  }

  /** Records what an href in the file at `fromPath` points at. */
  noteLink(fromPath: string, href: string): void {
    const target = this.target(fromPath, href);
    if (target?.fragment) this.targets.add(`${target.path}#${target.fragment}`);
  }

  /** True when something in the book points at this id of this file. */
  isTarget(path: string, id: string): boolean {
    return this.targets.has(`${path}#${id}`);
  }

  /** The id stored for an element of a chapter. */
  anchorId(chapter: number, id: string): string {
    return `c${chapter}-${safeAnchorId(id)}`;
  }

  /** The in-document `#anchor` for a path and optional fragment, or null when not a chapter. */
  anchorFor(path: string, fragment: string | null): string | null {
    const chapter = this.chapterOf.get(path);
    if (chapter === undefined) return null;
    return fragment ? `#${this.anchorId(chapter, fragment)}` : `#ch-${chapter}`;
  }

  /** What an href in the file at `fromPath` becomes in the markdown (see the module comment). */
  resolve(fromPath: string, href: string): string | null {
    const target = this.target(fromPath, href);
    if (target === null) return webLink(href, null);
    return this.anchorFor(target.path, target.fragment);
  }

  private target(fromPath: string, href: string): { path: string; fragment: string | null } | null {
    const trimmed = href.trim();
    if (trimmed.startsWith('#')) return { path: fromPath, fragment: fragmentOfHref(trimmed) };
    const path = resolveInBook(fromPath, trimmed);
    return path === null ? null : { path, fragment: fragmentOfHref(trimmed) };
  }
}
