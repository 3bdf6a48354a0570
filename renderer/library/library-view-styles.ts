/** The library page's own styles: the page head, the list and the empty states. */
import { css } from 'lit';

export function libraryStyles() {
  return css`
    :host {
      display: block;
      min-height: 100vh;
    }
    main {
      max-width: calc(var(--content-width) + 2 * var(--space-5));
      margin: 0 auto;
      padding: var(--space-7) var(--space-5) var(--space-8);
    }
    .page-head {
      display: flex;
      align-items: baseline;
      justify-content: space-between;
      gap: var(--space-4);
      padding: 0 var(--space-4) var(--space-4);
    }
    h1 {
      margin: 0;
      font-family: var(--font-serif);
      font-size: 2.25rem;
      font-weight: 600;
      letter-spacing: -0.015em;
      line-height: 1.15;
    }
    .count,
    .loading {
      margin: 0;
      color: var(--fg-muted);
      font-size: 0.875rem;
      font-variant-numeric: tabular-nums;
    }
    /* Its height is set by row-list.ts: nothing inside changes the page's layout around it. */
    .list {
      display: block;
      position: relative;
      contain: layout size style;
    }
    /* Rows are placed by row-list.ts, each in a slot of the fixed row height: a row stamped after a
       jump is laid out on its own, without the other slots or the page. */
    .list > .slot {
      position: absolute;
      top: 0;
      left: 0;
      right: 0;
      contain: layout size style;
    }
    .empty {
      display: flex;
      flex-direction: column;
      align-items: center;
      text-align: center;
      max-width: 460px;
      margin: var(--space-8) auto 0;
    }
    .empty-art {
      display: grid;
      place-items: center;
      width: 88px;
      height: 88px;
      margin-bottom: var(--space-5);
      border-radius: 50%;
      background: var(--surface-2);
      color: var(--accent);
    }
    .empty-art svg {
      width: 40px;
      height: 40px;
    }
    .empty h2 {
      margin: 0;
      font-family: var(--font-serif);
      font-size: 1.5rem;
      font-weight: 600;
      overflow-wrap: anywhere;
    }
    .empty p {
      margin: var(--space-3) 0 var(--space-6);
      color: var(--fg-muted);
      line-height: 1.6;
    }
    .empty p.hint {
      margin: var(--space-4) 0 0;
      font-size: 0.875rem;
    }
    .no-match {
      margin-top: var(--space-7);
    }
  `;
}
