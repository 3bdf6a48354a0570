/** The styles of <highlight-panel>: the legend, the lists of highlights and their repair buttons. */
import { css } from 'lit';

export const highlightPanelStyles = css`
  :host {
    display: block;
    position: relative;
    flex: none;
    width: 320px;
    overflow-y: auto;
    /* The virtual list keeps the view still itself when items above it are measured. */
    overflow-anchor: none;
    border-inline-start: 1px solid color-mix(in srgb, var(--border, #ddd) 60%, transparent);
    background: var(--surface, var(--reader-bg, #f6f4ef));
    font-family: var(--font-ui, system-ui, sans-serif);
    font-size: 0.875rem;
    color: var(--fg, #222);
  }
  @media (max-width: 999px) {
    :host {
      position: absolute;
      inset: 0 0 0 auto;
      z-index: 2;
      width: min(340px, 88vw);
      box-shadow: 0 10px 40px rgba(0, 0, 0, 0.22);
    }
  }
  h2 {
    margin: 18px 16px 8px;
    font-size: 0.75rem;
    font-weight: 600;
    letter-spacing: 0.06em;
    text-transform: uppercase;
    color: var(--fg-muted, #666);
  }
  .legend {
    display: grid;
    grid-template-columns: 1fr 1fr;
    gap: 6px 12px;
    margin: 0;
    padding: 14px 16px 12px;
    list-style: none;
    border-bottom: 1px solid var(--border, #ddd);
    color: var(--fg-muted, #666);
    font-size: 0.8125rem;
  }
  .legend li {
    display: flex;
    align-items: center;
    gap: 8px;
  }
  ul.items {
    margin: 0;
    padding: 0 8px 12px;
    list-style: none;
  }
  /* The placed list is virtual: its box is the whole list's height, its few items sit at their place. */
  ul.placed {
    position: relative;
    box-sizing: content-box;
    padding: 0 0 12px;
  }
  ul.placed > li {
    position: absolute;
    inset-inline: 8px;
  }
  /* The other lists are short; should one grow long, only the items in view are laid out. */
  ul.items:not(.placed) > li {
    content-visibility: auto;
    contain-intrinsic-size: auto 84px;
  }
  .item {
    display: flex;
    gap: 10px;
    width: 100%;
    padding: 10px 8px;
    border: 0;
    border-radius: 8px;
    background: transparent;
    font: inherit;
    color: inherit;
    text-align: start;
    cursor: pointer;
  }
  .item:hover,
  .item[aria-current='true'] {
    background: var(--surface-2, rgba(127, 127, 127, 0.12));
  }
  .item:focus-visible,
  .repair button:focus-visible {
    outline: 2px solid var(--focus-ring, #3b82f6);
    outline-offset: -2px;
  }
  .item .swatch {
    margin-top: 3px;
  }
  .label {
    display: block;
    font-size: 0.75rem;
    color: var(--fg-muted, #666);
  }
  .quote {
    display: -webkit-box;
    -webkit-line-clamp: 3;
    -webkit-box-orient: vertical;
    overflow: hidden;
    font-family: var(--font-serif, Georgia, serif);
    line-height: 1.45;
  }
  .context {
    color: var(--fg-muted, #666);
  }
  .unplaced {
    padding: 8px;
  }
  .repair {
    display: flex;
    gap: 6px;
    padding: 0 8px 0 32px;
  }
  .repair button {
    font: inherit;
    font-size: 0.8125rem;
    padding: 4px 10px;
    border-radius: 6px;
    border: 1px solid var(--border, #ccc);
    background: var(--surface, #fff);
    color: inherit;
    cursor: pointer;
  }
  .repair button:disabled {
    opacity: 0.5;
    cursor: default;
  }
  .empty {
    margin: 20px 16px;
    color: var(--fg-muted, #666);
    line-height: 1.5;
  }
  .empty p {
    margin: 0 0 6px;
  }
  .keys {
    white-space: nowrap;
  }
  kbd {
    display: inline-block;
    min-width: 1.4em;
    padding: 0 5px;
    border: 1px solid var(--border, #ccc);
    border-bottom-width: 2px;
    border-radius: 4px;
    background: var(--surface-2, rgba(127, 127, 127, 0.08));
    font: inherit;
    font-size: 0.75rem;
    line-height: 1.5;
    text-align: center;
    color: var(--fg, #222);
  }
`;
