/**
 * How much of one text's words another keeps: the F1 of their word multisets (order-free, so
 * a caption moved or a list renumbered costs little, a lost or invented paragraph a lot).
 * Used by the tests and the bench to compare an import with Readability's expected article.
 */
import { Marked } from 'marked';
import { parseHtml } from './dom';
import { imagePlaceholder } from './page-images';

const marked = new Marked({ gfm: true, async: false });

/** Lower-case runs of letters and digits, in order. */
export function textTokens(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** 2·|common| / (|a| + |b|) over the two multisets; 1 for two empty texts. */
export function tokenAgreement(expected: readonly string[], actual: readonly string[]): number {
  if (expected.length + actual.length === 0) return 1;
  const counts = new Map<string, number>();
  for (const token of expected) counts.set(token, (counts.get(token) ?? 0) + 1);
  let common = 0;
  for (const token of actual) {
    const left = counts.get(token) ?? 0;
    if (left > 0) {
      common++;
      counts.set(token, left - 1);
    }
  }
  return (2 * common) / (expected.length + actual.length);
}

/** The text a reader sees of some HTML. */
export function htmlText(html: string): string {
  return parseHtml(`<!doctype html><html><body>${html}</body></html>`).documentElement?.textContent ?? '';
}

/**
 * The text of an expected article as an import shows it: remote pictures become the same
 * placeholder (with alt text) the converter writes, inline ones stay pictures without text.
 */
export function expectedArticleText(html: string): string {
  const document = parseHtml(`<!doctype html><html><body>${html}</body></html>`);
  for (const image of document.querySelectorAll('img')) {
    if ((image.getAttribute('src') ?? '').startsWith('data:')) continue;
    image.replaceWith(document.createTextNode(` ${imagePlaceholder(image.getAttribute('alt'))} `));
  }
  return document.documentElement?.textContent ?? '';
}

/** The text a reader sees of some markdown (rendered as the reader renders it, GFM). */
export function markdownText(markdown: string): string {
  return htmlText(marked.parse(markdown, { async: false }));
}

/**
 * What in the HTML that marked makes of some markdown (before the reader's sanitizer) could run:
 * executable elements, event-handler attributes, script URLs. Empty when nothing could.
 */
export function executableInRenderedMarkdown(markdown: string): string[] {
  const document = parseHtml(
    `<!doctype html><html><body>${marked.parse(markdown, { async: false })}</body></html>`,
  );
  const found: string[] = [];
  for (const element of document.querySelectorAll(
    'script, style, iframe, object, embed, svg, form, link, meta, base',
  )) {
    found.push(`<${element.nodeName.toLowerCase()}>`);
  }
  for (const element of document.querySelectorAll('*')) {
    for (const name of element.getAttributeNames()) {
      const value = element.getAttribute(name) ?? '';
      const isUrl = /^(href|src|action|formaction|xlink:href|srcset)$/i.test(name);
      const scriptUrl = isUrl && /^\s*(javascript|vbscript|data:(?!image\/(png|jpeg|gif|webp)))/i.test(value);
      if (/^on/i.test(name) || scriptUrl) found.push(`${name}="${value}"`);
    }
  }
  return found;
}
