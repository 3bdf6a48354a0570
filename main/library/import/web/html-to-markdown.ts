/**
 * Cleaned article HTML to Lectern's markdown (GFM): turndown with tables, strikethrough and
 * task lists, fenced code with its language, anchors kept as raw `<a id>`, and text escaped so
 * that markup written as text (`&lt;script&gt;`) never becomes markup.
 */
import { type DomElement } from './dom';
import { strikethrough, tables } from '@joplin/turndown-plugin-gfm';
import TurndownService from 'turndown';
import { ANCHOR_ATTRIBUTE, safeAnchorId } from './article-cleanup';
import { installTableRows, withTableRowsKept } from './linkedom-tables';
import { TASK_ATTRIBUTE } from './page-prepass';

let service: TurndownService | null = null;

/** Markdown for a cleaned element (see article-cleanup.ts); blank-line runs collapsed. */
export function elementToMarkdown(element: DomElement): string {
  const turndown = (service ??= createService());
  // linkedom splits text at every entity; joined, a `<` is seen with the name that follows it.
  element.normalize();
  // Turndown only rewrites text and code inside cells, never a table's rows.
  const markdown = withTableRowsKept(() => turndown.turndown(element as never));
  return markdown.replace(/\n{3,}/g, '\n\n').trim();
}

function createService(): TurndownService {
  installTableRows();
  const turndown = new TurndownService({
    headingStyle: 'atx',
    codeBlockStyle: 'fenced',
    bulletListMarker: '-',
    emDelimiter: '*',
    hr: '---',
  });
  turndown.use([strikethrough, tables]);
  const escapeMarkdown = turndown.escape.bind(turndown);
  // Turndown escapes markdown but not HTML: a tag or entity written as text would come back as markup.
  turndown.escape = (text: string) =>
    escapeMarkdown(text)
      .replace(/&(?=#?\w+;)/g, '&amp;')
      .replace(/<(?=[a-z/!?])/gi, '&lt;')
      // A `!` just before a link would make it a picture (`![note](#n1)`).
      .replace(/!$/, '\\!');
  turndown.addRule('fencedCodeWithLanguage', {
    filter: (node) => node.nodeName === 'PRE',
    replacement: (_content, node) => fence(node as unknown as DomElement),
  });
  turndown.addRule('inDocumentAnchor', {
    filter: (node) => node.nodeName === 'A' && node.hasAttribute(ANCHOR_ATTRIBUTE),
    replacement: (_content, node) =>
      `<a id="${safeAnchorId((node as unknown as DomElement).getAttribute('id') ?? '')}"></a>`,
  });
  turndown.addRule('taskBox', {
    filter: (node) => node.nodeName === 'SPAN' && node.hasAttribute(TASK_ATTRIBUTE),
    replacement: (_content, node) =>
      (node as unknown as DomElement).getAttribute(TASK_ATTRIBUTE) === 'x' ? '[x] ' : '[ ] ',
  });
  turndown.addRule('image', {
    filter: 'img',
    replacement: (_content, node) => image(node as unknown as DomElement),
  });
  return turndown;
}

function fence(pre: DomElement): string {
  const language = /language-([\w+#-]+)/.exec(pre.getAttribute('class') ?? '')?.[1] ?? '';
  const code = preText(pre);
  const longestRun = Math.max(2, ...[...code.matchAll(/`+/g)].map((match) => match[0].length));
  const marks = '`'.repeat(longestRun + 1);
  return `\n\n${marks}${language}\n${code}\n${marks}\n\n`;
}

/** A code block's text with its line breaks: highlighters often write lines as `<br>` or blocks. */
function preText(pre: DomElement): string {
  const document = pre.ownerDocument;
  for (const br of pre.querySelectorAll('br')) br.replaceWith(document.createTextNode('\n'));
  // Readability turns runs of <br> into paragraphs, even inside code.
  for (const block of pre.querySelectorAll('p, div')) {
    block.before(document.createTextNode('\n'));
    block.after(document.createTextNode('\n'));
  }
  return (pre.textContent ?? '').replace(/^\n+|\n+$/g, '');
}

function image(element: DomElement): string {
  const src = element.getAttribute('src') ?? '';
  if (src === '') return '';
  const alt = (element.getAttribute('alt') ?? '').replace(/\s+/g, ' ').replace(/[[\]\\]/g, '\\$&');
  return `![${alt}](${src.replace(/[()\s]/g, encodeURIComponent)})`;
}
