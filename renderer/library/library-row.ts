/**
 * One document in the library list: a template (not an element) so the virtualizer stamps
 * cheap rows into the library view's shadow root, styled by `rowStyles`.
 */
import { css, html, nothing } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import type { DocumentRow } from '../../preload/api';
import { formatLength, formatRelativeDay, progressPercent } from '../lib/format';
import { icons } from '../styles/app-icons';
import { renderRowTags, rowTagStyles } from './row-tags';

export interface RowContext {
  total: number;
  locale: string;
  now: Date;
  open(doc: DocumentRow): void;
  rename(doc: DocumentRow): void;
  remove(doc: DocumentRow): void;
  editTags(doc: DocumentRow): void;
  /** Filter the library by this tag. */
  filterTag(tag: string): void;
}

function progressText(percent: number): string {
  if (percent === 0) return 'Not started';
  if (percent === 100) return 'Finished';
  return `${percent}%`;
}

/** A row whose window is still loading: the same box, so nothing moves when it fills in. */
export function renderPlaceholderRow(index: number, ctx: RowContext) {
  return html`<div
    class="row placeholder"
    role="listitem"
    aria-busy="true"
    aria-posinset=${index + 1}
    aria-setsize=${ctx.total}
  >
    <div class="head"><span class="bar title-bar"></span></div>
    <p class="excerpt"><span class="bar"></span></p>
    <div class="meta"><span class="bar short"></span></div>
  </div>`;
}

export function renderDocumentRow(doc: DocumentRow, index: number, ctx: RowContext) {
  const percent = progressPercent(doc.progress);
  const byline = [doc.author, doc.source].filter(Boolean).join(' · ');
  const number = new Intl.NumberFormat(ctx.locale);
  const added = formatRelativeDay(doc.addedAt, ctx.now, ctx.locale);
  const opened = doc.openedAt ? formatRelativeDay(doc.openedAt, ctx.now, ctx.locale) : '';
  return html`
    <div class="row" role="listitem" aria-posinset=${index + 1} aria-setsize=${ctx.total}>
      <div class="head">
        <button class="open" data-index=${index} @click=${() => ctx.open(doc)}>${doc.title}</button>
        <div class="row-actions">
          <button
            class="btn ghost icon"
            aria-label="Edit tags of “${doc.title}”"
            title="Edit tags"
            @click=${() => ctx.editTags(doc)}
          >
            ${icons.tag}
          </button>
          <button
            class="btn ghost icon"
            aria-label="Rename “${doc.title}”"
            title="Rename"
            @click=${() => ctx.rename(doc)}
          >
            ${icons.pencil}
          </button>
          <button
            class="btn ghost icon"
            aria-label="Delete “${doc.title}”"
            title="Move to trash"
            @click=${() => ctx.remove(doc)}
          >
            ${icons.trash}
          </button>
        </div>
      </div>
      ${byline ? html`<div class="byline">${byline}</div>` : nothing}
      ${doc.excerpt ? html`<p class="excerpt">${doc.excerpt}</p>` : nothing}
      ${doc.tags.length > 0 ? renderRowTags(doc, ctx) : nothing}
      <div class="meta">
        <span>${formatLength(doc.wordCount, doc.readingMinutes, ctx.locale)}</span>
        <span class="progress ${percent === 100 ? 'done' : ''}">
          <span
            class="bar"
            role="progressbar"
            aria-label="Reading progress"
            aria-valuemin="0"
            aria-valuemax="100"
            aria-valuenow=${percent}
            aria-valuetext=${progressText(percent)}
            ><span class="fill" style=${styleMap({ width: `${percent}%` })}></span
          ></span>
          <span aria-hidden="true">${progressText(percent)}</span>
        </span>
        ${
          doc.highlightCount > 0
            ? html`<span class="highlights"
                >${icons.highlight}${number.format(doc.highlightCount)}
                ${doc.highlightCount === 1 ? 'highlight' : 'highlights'}</span
              >`
            : nothing
        }
        <span class="dates">
          <span>Added ${added}</span>
          ${opened ? html`<span>Opened ${opened}</span>` : nothing}
        </span>
      </div>
    </div>
  `;
}

export const rowStyles = [
  rowTagStyles,
  css`
    .placeholder .bar {
      display: inline-block;
      width: 60%;
      height: 0.9em;
      border-radius: 4px;
      background: color-mix(in srgb, currentColor 10%, transparent);
    }
    .placeholder .title-bar {
      width: 40%;
      height: 1.2em;
    }
    .placeholder .bar.short {
      width: 20%;
    }
    .row {
      position: relative;
      width: 100%;
      padding: var(--space-5) var(--space-4);
      border-radius: var(--radius);
      transition: background-color var(--duration) var(--ease);
    }
    .row::after {
      content: '';
      position: absolute;
      inset: auto var(--space-4) 0;
      border-bottom: 1px solid var(--border);
    }
    .row:hover,
    .row:focus-within {
      background: var(--surface);
    }
    .row:hover::after,
    .row:focus-within::after {
      opacity: 0;
    }
    .head {
      display: flex;
      align-items: flex-start;
      gap: var(--space-3);
    }
    .open {
      flex: 1;
      min-width: 0;
      padding: 0;
      border: 0;
      background: none;
      text-align: left;
      cursor: pointer;
      font-family: var(--font-serif);
      font-size: 1.25rem;
      font-weight: 600;
      line-height: 1.3;
      letter-spacing: -0.005em;
      color: var(--fg);
      display: -webkit-box;
      -webkit-box-orient: vertical;
      -webkit-line-clamp: 2;
      line-clamp: 2;
      overflow: hidden;
      overflow-wrap: anywhere;
    }
    /* The whole row opens the document; the title button stays its accessible name. */
    .open::before {
      content: '';
      position: absolute;
      inset: 0;
      border-radius: var(--radius);
    }
    .open:focus-visible {
      outline: none;
    }
    .open:focus-visible::before {
      outline: 2px solid var(--focus-ring);
      outline-offset: -2px;
    }
    .row:hover .open {
      color: var(--accent);
    }
    .row-actions {
      position: relative;
      display: flex;
      gap: var(--space-1);
      /* As tall as one title line, so rows with one-line titles keep the same rhythm. */
      margin: -3px -8px -3px 0;
      opacity: 0;
      transition: opacity var(--duration) var(--ease);
    }
    .row-actions .btn.icon {
      width: 32px;
      height: 32px;
    }
    .row:hover .row-actions,
    .row:focus-within .row-actions {
      opacity: 1;
    }
    .byline {
      margin-top: 6px;
      font-size: 0.8125rem;
      font-weight: 500;
      color: var(--fg-muted);
      white-space: nowrap;
      overflow: hidden;
      text-overflow: ellipsis;
    }
    .excerpt {
      margin: var(--space-2) 0 0;
      font-family: var(--font-serif);
      font-size: 0.96875rem;
      line-height: 1.55;
      color: color-mix(in srgb, var(--fg) 72%, var(--bg));
      display: -webkit-box;
      -webkit-box-orient: vertical;
      -webkit-line-clamp: 2;
      line-clamp: 2;
      overflow: hidden;
    }
    .meta {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: var(--space-2) var(--space-5);
      margin-top: var(--space-3);
      font-size: 0.78125rem;
      color: var(--fg-muted);
      font-variant-numeric: tabular-nums;
    }
    .progress,
    .highlights {
      display: inline-flex;
      align-items: center;
      gap: var(--space-2);
    }
    .highlights svg {
      width: 14px;
      height: 14px;
      color: var(--accent);
    }
    .bar {
      display: block;
      width: 72px;
      height: 4px;
      border-radius: 2px;
      background: var(--surface-2);
      box-shadow: inset 0 0 0 1px color-mix(in srgb, var(--border) 60%, transparent);
      overflow: hidden;
    }
    .fill {
      display: block;
      height: 100%;
      border-radius: 2px;
      background: var(--accent);
    }
    .done .fill {
      background: color-mix(in srgb, var(--accent) 55%, var(--fg-muted));
    }
    .dates {
      margin-left: auto;
      display: inline-flex;
      gap: var(--space-4);
    }
  `,
];
