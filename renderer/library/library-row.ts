/**
 * One document in the library list: a template (not an element) so the virtualizer stamps
 * cheap rows into the library view's shadow root, styled by `rowStyles` (library-row-styles.ts).
 */
import { html, nothing } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import type { DocumentRow } from '../../preload/api';
import { formatLength, formatNumber, formatRelativeDay, progressPercent } from '../lib/format';
import { icons } from '../styles/app-icons';
import { renderRowTags } from './row-tags';

/**
 * Every row (and placeholder) is exactly this tall, whatever it holds: one title line, a line for
 * byline and tags, two excerpt lines, the meta line. The list lays rows out by arithmetic on it.
 */
export const ROW_HEIGHT = 170;

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

/** A row whose window is still loading: the same fixed box, so nothing moves when it fills in. */
export function renderPlaceholderRow(index: number, ctx: RowContext) {
  return html`<div
    class="row placeholder"
    role="listitem"
    aria-busy="true"
    aria-posinset=${index + 1}
    aria-setsize=${ctx.total}
  >
    <div class="head"><span class="bar title-bar"></span></div>
    <div class="subline"><span class="bar short"></span></div>
    <p class="excerpt"><span class="bar"></span></p>
    <div class="meta"><span class="bar short"></span></div>
  </div>`;
}

/**
 * A document's row; `excerptPending` when it comes from the row index (row-index.ts), whose rows
 * have everything but the excerpt: a bar holds its place until the row's page arrives.
 */
export function renderDocumentRow(doc: DocumentRow, index: number, ctx: RowContext, excerptPending = false) {
  const percent = progressPercent(doc.progress);
  const byline = [doc.author, doc.source].filter(Boolean).join(' · ');
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
      <div class="subline">
        ${byline ? html`<span class="byline">${byline}</span>` : nothing}
        ${doc.tags.length > 0 ? renderRowTags(doc, ctx) : nothing}
      </div>
      ${
        excerptPending
          ? html`<p class="excerpt" aria-busy="true"><span class="bar"></span></p>`
          : html`<p class="excerpt">${doc.excerpt}</p>`
      }
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
                >${icons.highlight}${formatNumber(doc.highlightCount, ctx.locale)}
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
