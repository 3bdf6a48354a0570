/** The book page: the reading column and the typography of rendered documents. */
import { css } from 'lit';

export const pageStyles = css`
  .page {
    box-sizing: border-box;
    max-width: calc(var(--measure, 66) * 1ch);
    margin: 0 auto;
    padding: clamp(32px, 7vh, 88px) 28px 40vh;
    font-family: var(--reader-font, var(--font-serif, Georgia, serif));
    font-size: var(--reader-size, 19px);
    line-height: var(--reader-leading, 1.6);
    color: var(--reader-fg, var(--fg, #1f1f1f));
    hyphens: auto;
    -webkit-hyphens: auto;
    text-rendering: optimizeLegibility;
    font-kerning: normal;
    font-variant-ligatures: common-ligatures;
    overflow-wrap: break-word;
  }
  .doc-header {
    text-align: center;
    margin: 0 0 3.2em;
  }
  .doc-header h1 {
    font-size: 2.1em;
    line-height: 1.15;
    font-weight: 500;
    letter-spacing: -0.01em;
    margin: 0 0 0.45em;
    text-wrap: balance;
  }
  .byline {
    font-style: italic;
    margin: 0 0 0.6em;
  }
  .meta {
    margin: 0;
    font-family: var(--font-ui, system-ui, sans-serif);
    font-size: 0.75em;
    letter-spacing: 0.01em;
    font-variant-numeric: tabular-nums;
    color: var(--fg-muted, #777);
  }
  .doc-header::after {
    content: '';
    display: block;
    width: 48px;
    margin: 2em auto 0;
    border-top: 1px solid var(--border, #ccc);
  }
  .title-in-text .sec[data-section='1'] > .chunk:first-child > h1:first-child {
    display: none;
  }
  /* By index, not :nth-child: while a spacer stands for the sections before the reading place, the
     first one attached would match and lose its margin until the rest arrive (the text would jump). */
  .sec:is([data-section='0'], [data-section='1']) > .chunk:first-child > :is(h1, h2, h3):first-child {
    margin-top: 0;
  }
  .sec:focus {
    outline: none;
  }
  /* Offscreen chunks cost no layout; their contain-intrinsic-size is set per chunk. */
  .chunk {
    content-visibility: auto;
  }
  .sections p {
    margin: 0 0 0.85em;
  }
  .sections h1,
  .sections h2,
  .sections h3,
  .sections h4,
  .sections h5,
  .sections h6 {
    line-height: 1.25;
    font-weight: 600;
    text-wrap: balance;
    hyphens: manual;
    break-after: avoid;
  }
  .sections h1 {
    font-size: 1.9em;
    font-weight: 500;
    margin: 1.6em 0 0.8em;
  }
  .sections h2 {
    font-size: 0.95em;
    font-weight: 600;
    letter-spacing: 0.16em;
    text-transform: uppercase;
    text-align: center;
    margin: 4em 0 2.2em;
  }
  .sections h2::after {
    content: '';
    display: block;
    width: 32px;
    margin: 0.9em auto 0;
    border-top: 1px solid currentColor;
    opacity: 0.35;
  }
  .sections h3 {
    font-size: 1.05em;
    font-weight: 500;
    font-variant: small-caps;
    letter-spacing: 0.08em;
    text-align: center;
    margin: 2.8em 0 1.4em;
  }
  .sections h4,
  .sections h5,
  .sections h6 {
    font-size: 1em;
    margin: 1.8em 0 0.6em;
  }
  .sec[data-section='0'] > .chunk:first-child > :first-child {
    margin-top: 0;
  }
  .sections a {
    color: var(--accent, #2f6feb);
    text-decoration-thickness: 1px;
    text-underline-offset: 0.18em;
  }
  .sections a:not([href]) {
    color: inherit;
    text-decoration: none;
  }
  /* A folded block (a Gutenberg header or licence): a quiet line until it is opened. */
  .sections details {
    margin: 0 0 1.2em;
  }
  .sections summary {
    cursor: pointer;
    font-size: 0.85em;
    color: var(--fg-muted, #555);
  }
  .sections blockquote {
    margin: 1.2em 0;
    padding: 0 0 0 1.2em;
    border-inline-start: 2px solid var(--border, #d8d3c8);
    color: var(--fg-muted, #555);
    font-style: italic;
  }
  .sections code,
  .sections kbd {
    font-family: ui-monospace, 'SF Mono', Menlo, Consolas, monospace;
    font-size: 0.84em;
    background: var(--surface-2, rgba(127, 127, 127, 0.12));
    border-radius: 4px;
    padding: 0.1em 0.3em;
    hyphens: none;
  }
  .sections pre {
    font-size: 0.95em;
    line-height: 1.5;
    overflow-x: auto;
    padding: 1em 1.2em;
    margin: 1.2em 0;
    border-radius: 8px;
    background: var(--surface-2, rgba(127, 127, 127, 0.1));
  }
  .sections pre code {
    background: none;
    padding: 0;
  }
  .sections ul,
  .sections ol {
    margin: 0 0 0.9em;
    padding-inline-start: 1.6em;
  }
  .sections li {
    margin: 0.25em 0;
  }
  .sections li > p {
    margin: 0.25em 0;
  }
  .sections hr {
    border: 0;
    text-align: center;
    margin: 2.2em 0;
  }
  .sections hr::before {
    content: '⁂';
    color: var(--fg-muted, #888);
    letter-spacing: 0.5em;
  }
  .sections table {
    border-collapse: collapse;
    margin: 1.2em 0;
    font-size: 0.88em;
    line-height: 1.45;
    display: block;
    overflow-x: auto;
    max-width: 100%;
  }
  .sections th,
  .sections td {
    border-bottom: 1px solid var(--border, #ddd);
    padding: 0.45em 0.8em;
    text-align: start;
    vertical-align: top;
  }
  .sections th {
    font-weight: 600;
    border-bottom-width: 2px;
  }
  .sections img {
    max-width: 100%;
    height: auto;
    display: block;
    margin: 1.2em auto;
  }
  .sections .blocked-image {
    display: inline-block;
    font-family: var(--font-ui, system-ui, sans-serif);
    font-size: 0.8em;
    color: var(--fg-muted, #777);
    border: 1px dashed var(--border, #ccc);
    border-radius: 6px;
    padding: 0.3em 0.6em;
  }
  .sections .pending {
    contain: strict;
  }
  /* The error page's "Back to library" sits beside Retry: the same size (the reader's buttons inherit its font). */
  app-load-error > button {
    font-size: 0.875rem;
    font-weight: 500;
  }
`;
