/**
 * Rendered links made honest: every `#lectern:` anchor of a rendered note shows its target's
 * current title (one batched resolveLinks call), and a broken one is marked and says why.
 */
import type { LinkTarget, ResolvedLink } from '../../preload/api';
import { parseTargetKey } from '../../common/links';
import { linkKeyOf } from './link-extension';

/** The anchors of rendered Lectern links under `root`. */
export function linkAnchors(root: ParentNode): HTMLAnchorElement[] {
  return [...root.querySelectorAll<HTMLAnchorElement>('a[href^="#lectern:"]')];
}

/**
 * Shows each link by its target's current title, or as broken with the reason as its tooltip and
 * accessible description. `resolve` answers null when resolving failed (links keep their labels).
 */
export async function decorateLinks(
  root: ParentNode,
  resolve: (keys: string[]) => Promise<ResolvedLink[] | null>,
): Promise<void> {
  const anchors = linkAnchors(root);
  const keys = [...new Set(anchors.map((anchor) => linkKeyOf(anchor.getAttribute('href')) ?? ''))];
  if (keys.length === 0) return;
  const resolved = await resolve(keys);
  if (resolved === null) return;
  const byKey = new Map(resolved.map((link) => [link.key, link]));
  for (const anchor of anchors) {
    const link = byKey.get(linkKeyOf(anchor.getAttribute('href')) ?? '');
    if (link !== undefined) showResolved(anchor, link);
  }
}

function showResolved(anchor: HTMLAnchorElement, link: ResolvedLink): void {
  anchor.classList.add('lectern-link');
  anchor.dataset['status'] = link.status;
  if (link.status === 'ok') {
    anchor.textContent = link.title;
    const where = link.context === null ? '' : ` in “${link.context}”`;
    anchor.title = `${kindName(link.key)}${where}`;
    anchor.removeAttribute('aria-description');
    return;
  }
  // A trashed document or note still has its current name; anything else keeps the label it was
  // written with (the target's name when it was linked).
  if (link.status === 'trashed' && !link.key.startsWith('highlight/')) anchor.textContent = link.title;
  anchor.title = link.reason ?? 'This link is broken.';
  anchor.setAttribute('aria-description', `Broken link. ${anchor.title}`);
}

const kindName = (key: string): string =>
  key.startsWith('doc/') ? 'Document' : key.startsWith('note/') ? 'Note' : 'Highlighted passage';

/** The target of a click or Enter on a rendered Lectern link, or null when it was none. */
export function linkTargetOfEvent(event: Event): LinkTarget | null {
  const anchor = event
    .composedPath()
    .find((node): node is HTMLAnchorElement => node instanceof HTMLAnchorElement);
  const key = linkKeyOf(anchor?.getAttribute('href') ?? null);
  if (key === null) return null;
  const target = parseTargetKey(key);
  return typeof target === 'string' ? null : target;
}
