/** Styles of <tag-input>: chips and the field on one wrapping line, suggestions below. */
import { css } from 'lit';

export const tagInputStyles = css`
  :host {
    display: block;
    position: relative;
    font: inherit;
  }
  .field {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 4px;
    min-height: 32px;
    padding: 3px 6px;
    border: 1px solid var(--border, #ccc);
    border-radius: 6px;
    background: var(--surface, #fff);
    cursor: text;
  }
  .field:focus-within {
    outline: 2px solid var(--focus-ring, #2b63c6);
    outline-offset: 1px;
  }
  .field.compact {
    min-height: 26px;
    padding: 1px 4px;
  }
  .chips {
    display: contents;
    list-style: none;
  }
  .chip {
    display: inline-flex;
    align-items: center;
    gap: 2px;
    padding: 1px 2px 1px 8px;
    border-radius: 999px;
    background: var(--chip-bg, color-mix(in srgb, var(--fg, #222) 10%, transparent));
    color: var(--fg, #222);
    font-size: 0.8125rem;
    line-height: 1.5;
  }
  .chip button {
    width: 20px;
    height: 20px;
    border: 0;
    border-radius: 50%;
    background: transparent;
    color: inherit;
    font: inherit;
    cursor: pointer;
  }
  .chip button:hover,
  .chip button:focus-visible {
    background: color-mix(in srgb, var(--fg, #222) 15%, transparent);
  }
  input {
    flex: 1 1 8ch;
    min-width: 8ch;
    border: 0;
    outline: 0;
    background: transparent;
    color: var(--fg, #222);
    font: inherit;
    font-size: 0.875rem;
  }
  [role='listbox'] {
    position: absolute;
    z-index: 20;
    inset-inline: 0;
    top: calc(100% - 1.25rem);
    margin: 0;
    padding: 4px;
    list-style: none;
    max-height: 240px;
    overflow: auto;
    border: 1px solid var(--border, #ccc);
    border-radius: 6px;
    background: var(--surface, #fff);
    color: var(--fg, #222);
    box-shadow: var(--shadow-lg);
  }
  [role='listbox'][hidden] {
    display: none;
  }
  [role='option'] {
    padding: 4px 8px;
    border-radius: 4px;
    font-size: 0.875rem;
    cursor: pointer;
  }
  [role='option'][aria-selected='true'],
  [role='option']:hover {
    background: color-mix(in srgb, var(--accent, #3b6fd8) 18%, transparent);
  }
  .refusal {
    min-height: 1.25rem;
    margin: 2px 0 0;
    font-size: 0.75rem;
    color: var(--danger, #b3261e);
  }
`;
