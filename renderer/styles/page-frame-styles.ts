/** The frame the library's secondary views share (Trash, Tags, Notes, Broken links): a sticky bar and a centred column. */
import { css } from 'lit';

export const pageFrameStyles = css`
  :host {
    display: block;
  }
  header {
    position: sticky;
    top: 0;
    z-index: 10;
    background: var(--toolbar-bg);
    backdrop-filter: saturate(1.4) blur(14px);
    border-bottom: 1px solid var(--border);
  }
  .bar,
  main {
    max-width: calc(var(--content-width) + 2 * var(--space-5));
    margin: 0 auto;
    padding: var(--space-3) var(--space-5);
  }
`;

/** The empty state of a view that lists things (Trash, Tags): a round picture and a line of text. */
export const emptyStateStyles = css`
  .empty {
    margin: var(--space-8) auto 0;
    text-align: center;
    color: var(--fg-muted);
  }
  .empty .art {
    display: inline-grid;
    place-items: center;
    width: 72px;
    height: 72px;
    margin-bottom: var(--space-4);
    border-radius: 50%;
    background: var(--surface-2);
  }
  .empty svg {
    width: 32px;
    height: 32px;
  }
  .empty p {
    margin: 0;
    font-family: var(--font-serif);
    font-size: 1.25rem;
    color: var(--fg);
  }
`;
