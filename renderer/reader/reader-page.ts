/**
 * The book page of <reader-view> as templates (they live in its shadow root): the title block
 * and the empty container the progressive renderer fills, plus the "not found" page.
 */
import { html, nothing } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import type { Settings } from '../../preload/api';
import type { ReaderDocument } from './reader-document';
import type { CallFailure } from '../app/calls';
import '../components/app-load-error';
import { formatLength } from '../lib/format';
import type { Section } from './sections';

/** The page of a document: our title block over the sections container. */
export function documentPage(
  doc: ReaderDocument,
  sections: readonly Section[],
  settings: Settings,
  onLinkClick: (event: MouseEvent) => void,
) {
  const { summary } = doc;
  const font =
    settings.font === 'sans'
      ? 'var(--font-sans, system-ui, sans-serif)'
      : 'var(--font-serif, Georgia, serif)';
  const vars = {
    '--measure': String(settings.lineWidth),
    '--reader-font': font,
    '--reader-size': `${settings.fontSize}px`,
    '--reader-leading': String(settings.lineHeight),
  };
  const first = sections[1]?.heading;
  const titleInText =
    (sections[0]?.markdown.trim() ?? '') === '' && first?.level === 1 && sameText(first.text, summary.title);
  // A document that opens with its own title as an h1: show ours (with the byline) and hide that one.
  // The text (and its title) in its own language and direction: an Arabic page reads right to
  // left; the app's own line (length, reading time) stays in the app's.
  const lang = summary.language ?? nothing;
  const dir = summary.dir ?? nothing;
  return html`<article
    class="page ${titleInText ? 'title-in-text' : ''}"
    aria-label=${summary.title}
    style=${styleMap(vars)}
  >
    <header class="doc-header">
      <h1 lang=${lang} dir=${dir}>${summary.title}</h1>
      ${summary.author ? html`<p class="byline">${summary.author}</p>` : nothing}
      <p class="meta">
        ${formatLength(summary.wordCount, summary.readingMinutes, navigator.language || 'en-US')}
      </p>
    </header>
    <div class="sections" lang=${lang} dir=${dir} @click=${onLinkClick} @auxclick=${onLinkClick}></div>
  </article>`;
}

/** The document could not be opened: why, with Retry (app-load-error's retry-load) and a way back. */
export function failedPage(failure: CallFailure, onBack: () => void, backTo = 'Library') {
  return html`<app-load-error
    heading="This document could not be opened"
    reason=${failure.message}
    code=${failure.code}
  >
    <button type="button" @click=${onBack}>Back to ${backTo.toLowerCase()}</button>
  </app-load-error>`;
}

export function notFoundPage(onBack: () => void, backTo = 'Library') {
  return html`<div class="not-found" role="alert">
    <h1>Document not found</h1>
    <p>This document is no longer in your library. It may have been moved to the trash.</p>
    <button class="primary" type="button" @click=${onBack}>Back to ${backTo.toLowerCase()}</button>
  </div>`;
}

/** A key that changes when the page must be laid out again (font, size, measure, leading). */
export function typographyOf(settings: Settings): string {
  return `${settings.font}|${settings.fontSize}|${settings.lineWidth}|${settings.lineHeight}`;
}

function sameText(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}
