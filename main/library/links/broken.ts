/** The broken-links list: every link in a live note whose target is in the trash, missing or malformed. */
import type { BrokenLink } from '../../../preload/api';
import type { BacklinkIndex } from './backlink-index';
import { resolveTargets, type ResolverParts } from './resolver';

/** Each broken link where it is written, notes by title, links in text order. */
export async function listBroken(index: BacklinkIndex, resolver: ResolverParts): Promise<BrokenLink[]> {
  const sources = [...index.liveSources()];
  const keys = [...new Set(sources.flatMap((source) => source.links.map((link) => link.key)))];
  const resolved = new Map((await resolveTargets(resolver, keys)).map((link) => [link.key, link]));
  const broken: BrokenLink[] = [];
  for (const source of sources.sort((a, b) => a.title.localeCompare(b.title))) {
    for (const link of source.links) {
      const target = resolved.get(link.key);
      if (target === undefined || target.status === 'ok') continue;
      broken.push({
        source: source.source,
        sourceKey: source.key,
        sourceTitle: source.title,
        start: link.start,
        end: link.end,
        raw: link.raw,
        label: link.label,
        status: target.status,
        reason: target.reason ?? 'The link points to nothing.',
        snippet: link.snippet,
      });
    }
  }
  return broken;
}
