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
