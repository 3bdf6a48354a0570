/**
 * How links look inside a note (current-title links, broken ones, the `[[` listbox), adopted into
 * the shadow root of whatever renders notes, since those components' styles are not ours.
 */
import { css } from 'lit';

export const noteLinkStyles = css`
  a.lectern-link {
    color: var(--accent);
    text-decoration: underline;
    text-decoration-thickness: 1px;
    text-underline-offset: 2px;
    border-radius: 3px;
  }
  a.lectern-link[data-status='trashed'],
  a.lectern-link[data-status='missing'] {
    color: var(--danger, #b3261e);
    text-decoration-style: wavy;
    text-decoration-line: line-through;
  }
  a.lectern-link[data-status='trashed']::after,
  a.lectern-link[data-status='missing']::after {
    content: ' ⚠︎';
    font-size: 0.8em;
  }
  a.lectern-link:focus-visible {
    outline: 2px solid var(--accent);
    outline-offset: 2px;
  }
  .link-suggestions {
    list-style: none;
    margin: 4px 0 0;
    padding: 4px;
    max-height: 280px;
    overflow-y: auto;
    border: 1px solid var(--border);
    border-radius: 10px;
    background: var(--surface, var(--bg));
    box-shadow: 0 8px 24px rgb(0 0 0 / 0.18);
  }
  .link-suggestions li {
    display: flex;
    justify-content: space-between;
    gap: 12px;
    padding: 6px 10px;
    border-radius: 6px;
    cursor: pointer;
  }
  .link-suggestions li[aria-selected='true'] {
    background: var(--accent);
    color: var(--accent-fg, #fff);
  }
  .link-suggestions .detail {
    opacity: 0.75;
    font-size: 0.8125rem;
    white-space: nowrap;
  }
`;

/** Adds the link styles to the shadow root (or document) `node` lives in, once. */
export function adoptLinkStyles(node: Node): void {
  const root = node.getRootNode();
  const sheet = noteLinkStyles.styleSheet;
  if (sheet === undefined || !(root instanceof ShadowRoot || root instanceof Document)) return;
  if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
}
