/**
 * The backlink index: target → the sources linking to it, with snippets. Built once from every
 * source and updated one source at a time as notes change, so a query never reparses anything.
 */
import type { Backlink, LinkSource } from '../../../preload/api';
import { type ParsedLink, parseLinks, snippetAround, targetKey } from '../../../common/links';
import { type SourceText, sourceKey } from './sources';

/** One link of an indexed source. */
export interface IndexedLink {
  /** Raw target as written (`doc/<id>`, or a malformed target). */
  key: string;
  valid: boolean;
  start: number;
  end: number;
  raw: string;
  label: string | null;
  snippet: string;
}

interface IndexedSource {
  source: LinkSource;
  key: string;
  title: string;
  links: IndexedLink[];
}

export class BacklinkIndex {
  private readonly sources = new Map<string, IndexedSource>();
  /** target key → source keys that link to it (a source linking twice is listed once per link). */
  private readonly byTarget = new Map<string, Map<string, number>>();
  /** document id → keys of its highlights that have backlinks. */
  private readonly linkedHighlights = new Map<string, Set<string>>();

  /** @param isLive false for a source whose document is in the trash (its notes are hidden). */
  constructor(private readonly isLive: (source: LinkSource) => boolean = () => true) {}

  get size(): number {
    return this.sources.size;
  }

  /** Indexes (or re-indexes) one source's text. */
  set(source: SourceText): void {
    const key = sourceKey(source.source);
    this.remove(key);
    const links = parseLinks(source.text).map((link) => indexedLink(source.text, link));
    if (links.length === 0) return;
    this.sources.set(key, { source: source.source, key, title: source.title, links });
    for (const link of links) if (link.valid) this.count(link.key, key, +1);
  }

  /** Forgets a source (deleted, or its text has no links any more). */
  remove(key: string): void {
    const indexed = this.sources.get(key);
    if (indexed === undefined) return;
    this.sources.delete(key);
    for (const link of indexed.links) if (link.valid) this.count(link.key, key, -1);
  }

  /** Every link to `target` from a live source, one entry per link, sources by title. */
  backlinks(target: string): Backlink[] {
    const linking = this.byTarget.get(target);
    if (linking === undefined) return [];
    const found: Backlink[] = [];
    for (const key of linking.keys()) {
      const indexed = this.sources.get(key);
      if (indexed === undefined || !this.isLive(indexed.source)) continue;
      for (const link of indexed.links) {
        if (link.key !== target) continue;
        found.push({
          source: indexed.source,
          sourceKey: key,
          sourceTitle: indexed.title,
          snippet: link.snippet,
        });
      }
    }
    return found.sort((a, b) => a.sourceTitle.localeCompare(b.sourceTitle));
  }

  /** Keys of the highlights of a document that are linked to (from any source). */
  highlightTargetsOf(documentId: string): string[] {
    return [...(this.linkedHighlights.get(documentId) ?? [])];
  }

  /** Every live source with its links, for the broken-links list. */
  *liveSources(): Iterable<Readonly<IndexedSource>> {
    for (const indexed of this.sources.values()) if (this.isLive(indexed.source)) yield indexed;
  }

  /** The distinct valid targets linked from live sources. */
  targets(): string[] {
    return [...this.byTarget.keys()];
  }

  private count(target: string, source: string, delta: number): void {
    const linking = this.byTarget.get(target) ?? new Map<string, number>();
    const next = (linking.get(source) ?? 0) + delta;
    if (next > 0) linking.set(source, next);
    else linking.delete(source);
    if (linking.size > 0) this.byTarget.set(target, linking);
    else this.byTarget.delete(target);
    if (!target.startsWith('highlight/')) return;
    const documentId = target.split('/')[1] ?? '';
    const highlights = this.linkedHighlights.get(documentId) ?? new Set<string>();
    if (linking.size > 0) highlights.add(target);
    else highlights.delete(target);
    if (highlights.size > 0) this.linkedHighlights.set(documentId, highlights);
    else this.linkedHighlights.delete(documentId);
  }
}

function indexedLink(text: string, link: ParsedLink): IndexedLink {
  return {
    key: link.target === null ? link.rawTarget : targetKey(link.target),
    valid: link.target !== null,
    start: link.start,
    end: link.end,
    raw: text.slice(link.start, link.end),
    label: link.label,
    snippet: snippetAround(text, link.start, link.end),
  };
}
