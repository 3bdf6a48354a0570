/**
 * Cleaned article HTML to Lectern's markdown (GFM): turndown with tables, strikethrough and
 * task lists, fenced code with its language, anchors kept as raw `<a id>`, and text escaped so
 * that markup written as text (`&lt;script&gt;`) never becomes markup.
 */
import { type DomElement, type DomNode } from './dom';
import { strikethrough, tables } from '@joplin/turndown-plugin-gfm';
import TurndownService from 'turndown';
import { ANCHOR_ATTRIBUTE, safeAnchorId } from './article-cleanup';
import { installTableRows, withTableRowsKept } from './linkedom-tables';
import { TASK_ATTRIBUTE } from './page-prepass';

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const CDATA_SECTION_NODE = 4;

let service: TurndownService | null = null;

/**
 * Markdown for a cleaned element (see article-cleanup.ts); blank-line runs collapsed. The element
 * is used up: its whitespace is collapsed in place.
 */
export function elementToMarkdown(element: DomElement): string {
  const turndown = (service ??= createService());
  // linkedom splits text at every entity; joined, a `<` is seen with the name that follows it.
  element.normalize();
  // Turndown copies what it is given before collapsing its whitespace: this element is the
  // converter's own, so it is given as its own copy (a page's article is thousands of nodes).
  Object.defineProperty(element, 'cloneNode', { configurable: true, value: () => element });
  try {
    // Turndown changes no table's rows, nor any element's children once it has collapsed the
    // whitespace (the rules below only read them).
    const markdown = withTableRowsKept(() => turndown.turndown(element as never));
    return markdown.replace(/\n{3,}/g, '\n\n').trim();
  } finally {
    delete (element as { cloneNode?: unknown }).cloneNode;
  }
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

/**
 * A code block's text with its line breaks: highlighters often write lines as `<br>` or blocks
 * (and Readability turns runs of `<br>` into paragraphs, even inside code). Read, not changed.
 */
function preText(pre: DomElement): string {
  const parts: string[] = [];
  // Walked with a stack, not recursion: a page's nesting is bounded, a book's chapter is not.
  const pending: (DomNode | '\n')[] = [pre];
  for (let node = pending.pop(); node !== undefined; node = pending.pop()) {
    if (node === '\n') parts.push(node);
    else if (node.nodeType === TEXT_NODE || node.nodeType === CDATA_SECTION_NODE)
      parts.push(node.textContent ?? '');
    else if (node.nodeType === ELEMENT_NODE) {
      const name = node.nodeName.toUpperCase();
      const block = name === 'P' || name === 'DIV';
      if (name === 'BR' || block) parts.push('\n');
      if (block) pending.push('\n');
      const children = [...(node as DomElement).childNodes];
      for (let at = children.length - 1; at >= 0; at--) pending.push(children[at] as DomNode);
    }
  }
  return parts.join('').replace(/^\n+|\n+$/g, '');
}

function image(element: DomElement): string {
  const src = element.getAttribute('src') ?? '';
  if (src === '') return '';
  const alt = (element.getAttribute('alt') ?? '').replace(/\s+/g, ' ').replace(/[[\]\\]/g, '\\$&');
  return `![${alt}](${src.replace(/[()\s]/g, encodeURIComponent)})`;
}
