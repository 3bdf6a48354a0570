/** Styles of <library-toolbar>: the sticky bar, the filter with its key hint, sort, view buttons. */
import { css } from 'lit';

export const libraryToolbarStyles = css`
  :host {
    position: sticky;
    top: 0;
    z-index: 10;
    display: block;
    background: var(--toolbar-bg);
    backdrop-filter: saturate(1.4) blur(14px);
    border-bottom: 1px solid var(--border);
  }
  .bar {
    display: flex;
    align-items: center;
    gap: var(--space-2);
    max-width: calc(var(--content-width) + 2 * var(--space-5));
    margin: 0 auto;
    padding: var(--space-3) calc(var(--space-5) + var(--space-4));
  }
  .spacer {
    flex: 1;
  }
  .brand {
    display: flex;
    align-items: center;
    gap: var(--space-2);
    margin: 0 var(--space-4) 0 0;
    font-family: var(--font-serif);
    font-size: 1.25rem;
    font-weight: 600;
    letter-spacing: 0.01em;
  }
  .brand svg {
    width: 22px;
    height: 22px;
    color: var(--accent);
  }
  .search {
    position: relative;
    flex: 1;
    min-width: 120px;
  }
  .search svg {
    position: absolute;
    left: 10px;
    top: 50%;
    width: 16px;
    height: 16px;
    transform: translateY(-50%);
    color: var(--fg-muted);
    pointer-events: none;
  }
  .search .field {
    padding-left: 34px;
    padding-right: 32px;
    background: color-mix(in srgb, var(--surface) 80%, transparent);
  }
  .search input::-webkit-search-cancel-button {
    appearance: none;
    width: 12px;
    height: 12px;
    margin-right: -20px;
    cursor: pointer;
    background:
      linear-gradient(45deg, transparent 44%, var(--fg-muted) 44%, var(--fg-muted) 56%, transparent 56%),
      linear-gradient(-45deg, transparent 44%, var(--fg-muted) 44%, var(--fg-muted) 56%, transparent 56%);
  }
  kbd {
    position: absolute;
    right: 8px;
    top: 50%;
    transform: translateY(-50%);
    padding: 1px 6px;
    border: 1px solid var(--border);
    border-radius: 4px;
    font-family: var(--font-mono);
    font-size: 0.75rem;
    color: var(--fg-muted);
    pointer-events: none;
  }
  .search input:focus + kbd,
  .search input:not(:placeholder-shown) + kbd {
    display: none;
  }
  select.field {
    width: auto;
    flex: none;
    font-size: 0.875rem;
  }
  .divider {
    width: 1px;
    height: 20px;
    margin: 0 var(--space-1);
    background: var(--border);
  }
  /* The views' names go first when the filter would be squeezed (their buttons keep their names). */
  @media (max-width: 1360px) {
    .trash-label {
      display: none;
    }
    /* Six view buttons: the app's name gives way too (its book stays), so the filter keeps its room. */
    .brand span {
      display: none;
    }
    .brand {
      margin-right: var(--space-1);
    }
  }
  @media (max-width: 720px) {
    kbd,
    .brand span {
      display: none;
    }
    .brand {
      margin-right: var(--space-1);
    }
  }
`;
