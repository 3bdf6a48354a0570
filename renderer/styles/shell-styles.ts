/** The application shell's own styles (the views bring theirs). */
import { css } from 'lit';

export const shellStyles = css`
  :host {
    display: block;
    min-height: 100vh;
  }
  .announcer {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  .fatal {
    max-width: 520px;
    margin: 20vh auto 0;
    padding: 0 24px;
    font-family: var(--font-serif);
    font-size: 1.25rem;
    text-align: center;
  }
`;
