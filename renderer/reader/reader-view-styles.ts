/** Styles of <reader-view>'s chrome: toolbar, panels, notices. The book page is reader-page-styles.ts. */
import { css } from 'lit';

export const chromeStyles = css`
  :host {
    display: flex;
    flex-direction: column;
    /* The reader is the whole window; the scroller inside it is what scrolls. */
    height: 100vh;
    min-height: 0;
    background: var(--reader-bg, var(--bg, #fbfaf7));
    color: var(--reader-fg, var(--fg, #1f1f1f));
    font-family: var(--font-ui, system-ui, sans-serif);
    position: relative;
  }
  button {
    font: inherit;
    color: inherit;
  }
  :focus-visible {
    outline: 2px solid var(--focus-ring, #3b82f6);
    outline-offset: 2px;
  }
  .toolbar {
    position: relative;
    z-index: 3;
    display: flex;
    align-items: center;
    gap: 4px;
    height: 48px;
    padding: 0 10px;
    flex: none;
    background: var(--reader-bg, var(--bg, #fbfaf7));
    border-bottom: 1px solid color-mix(in srgb, var(--border, #ddd) 60%, transparent);
    transition: opacity 0.35s ease;
  }
  /* Quiet while reading down: hidden fully rather than dimmed (dimmed labels fell to 1.7:1),
     back on hover or when a control in it has focus. */
  .toolbar.quiet:not(:hover):not(:focus-within) {
    opacity: 0;
  }
  .tool {
    display: inline-flex;
    align-items: center;
    gap: 6px;
    height: 34px;
    min-width: 34px;
    justify-content: center;
    padding: 0 10px;
    border: 0;
    border-radius: 8px;
    background: transparent;
    color: var(--fg-muted, #5f5f5f);
    cursor: pointer;
    font-size: 0.875rem;
  }
  .tool:hover,
  .tool[aria-expanded='true'] {
    background: var(--surface-2, rgba(127, 127, 127, 0.12));
    color: var(--fg, inherit);
  }
  .tool svg {
    width: 18px;
    height: 18px;
    fill: none;
    stroke: currentColor;
    stroke-width: 1.7;
    stroke-linecap: round;
    stroke-linejoin: round;
  }
  .aa {
    font-family: var(--font-serif, Georgia, serif);
    font-size: 1.05rem;
    letter-spacing: 0.02em;
  }
  .title {
    flex: 1;
    min-width: 0;
    text-align: center;
    font-size: 0.85rem;
    color: var(--fg-muted, #6b6b6b);
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
    padding: 0 12px;
  }
  .progress {
    position: absolute;
    left: 0;
    right: 0;
    bottom: -1px;
    height: 2px;
    background: transparent;
  }
  .progress > div {
    height: 100%;
    background: var(--accent, #2f6feb);
    opacity: 0.75;
    transform-origin: left;
    transition: transform 0.2s linear;
  }
  .body {
    flex: 1;
    min-height: 0;
    display: flex;
    position: relative;
  }
  .toc {
    flex: none;
    width: 300px;
    border-inline-end: 1px solid color-mix(in srgb, var(--border, #ddd) 60%, transparent);
    background: var(--surface, var(--reader-bg, #f6f4ef));
  }
  /* Panels push the reading column (never cover it) down to 700 px; below 1,100 px only one is open
     at a time (reader-view.ts), so the column keeps a readable measure. Narrower: an overlay. */
  @media (max-width: 1099px) {
    .toc,
    highlight-panel {
      width: 280px;
    }
  }
  @media (min-width: 700px) {
    highlight-panel {
      position: relative;
      inset: auto;
      z-index: auto;
      box-shadow: none;
    }
  }
  @media (max-width: 699px) {
    .toc {
      position: absolute;
      inset: 0 auto 0 0;
      z-index: 2;
      width: min(320px, 85vw);
      box-shadow: 0 10px 40px rgba(0, 0, 0, 0.22);
    }
  }
  .scroller {
    flex: 1;
    min-width: 0;
    overflow-y: auto;
    overflow-x: hidden;
    scroll-behavior: auto;
  }
  /* Inset: the reading area fills the window, so an outside ring would be clipped. */
  .scroller:focus-visible {
    outline: 2px solid var(--focus-ring, #3b82f6);
    outline-offset: -2px;
  }
  .popover {
    position: absolute;
    top: 52px;
    right: 10px;
    z-index: 4;
    width: 300px;
    padding: 18px 18px 6px;
    border-radius: 14px;
    background: var(--surface, #fff);
    border: 1px solid var(--border, #ddd);
    box-shadow: 0 18px 50px rgba(0, 0, 0, 0.18);
  }
  .popover:focus {
    outline: none;
  }
  .notice {
    position: absolute;
    bottom: 24px;
    left: 50%;
    transform: translateX(-50%);
    z-index: 5;
    max-width: min(520px, 90%);
    padding: 10px 16px;
    border-radius: 10px;
    background: var(--fg, #222);
    color: var(--bg, #fff);
    font-size: 0.875rem;
    box-shadow: 0 8px 30px rgba(0, 0, 0, 0.25);
  }
  .notice:empty {
    display: none;
  }
  .not-found {
    margin: auto;
    text-align: center;
    max-width: 28rem;
    padding: 48px 24px;
  }
  .not-found h1 {
    font-family: var(--font-serif, Georgia, serif);
    font-weight: 500;
    font-size: 1.6rem;
  }
  .not-found p {
    color: var(--fg-muted, #6b6b6b);
  }
  .primary {
    margin-top: 12px;
    padding: 9px 18px;
    border-radius: 8px;
    border: 0;
    background: var(--accent, #2f6feb);
    color: var(--accent-fg, #fff);
    cursor: pointer;
  }
`;
