/** Styles of <find-bar>: a card floating at the top right of the reading area, one row, wrapping when narrow. */
import { css } from 'lit';

export const findBarStyles = css`
  :host {
    position: absolute;
    top: 8px;
    inset-inline-end: 16px;
    z-index: 4;
    max-width: calc(100% - 32px);
  }
  .bar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 2px;
    padding: 6px;
    border-radius: var(--radius, 10px);
    background: var(--surface, #fff);
    border: 1px solid var(--border, #ddd);
    box-shadow: var(--shadow-lg, 0 18px 50px rgba(0, 0, 0, 0.18));
  }
  input {
    width: 15rem;
    flex: 1 1 10rem;
    margin-inline-end: 4px;
  }
  .status {
    min-width: 5.5rem;
    padding: 0 6px;
    font-size: 0.8125rem;
    color: var(--fg-muted);
    white-space: nowrap;
    font-variant-numeric: tabular-nums;
  }
  .status:empty {
    display: none;
  }
  .btn.ghost {
    height: 32px;
  }
  .btn.icon {
    width: 32px;
  }
  .btn svg {
    fill: none;
    stroke: currentColor;
    stroke-width: 1.8;
    stroke-linecap: round;
    stroke-linejoin: round;
  }
  .btn:disabled {
    opacity: 0.5;
    cursor: default;
  }
  .btn:disabled:hover {
    background: transparent;
  }
  .option {
    font-size: 0.8125rem;
    font-weight: 600;
  }
  .option[aria-pressed='true'] {
    background: color-mix(in srgb, var(--accent) 14%, transparent);
    color: var(--fg);
    box-shadow: inset 0 0 0 1px var(--accent);
  }
  .word {
    text-decoration: underline;
    text-underline-offset: 3px;
  }
  .highlight {
    padding: 0 10px;
  }
`;
