/**
 * Readability with cheaper, equivalent versions of three checks it runs on every element of the
 * page (over linkedom each built the subtree's whole text, or a style object, to decide little)
 * and of its tag lookups, and without the two serialisations of the page it makes on every run.
 */
// Readability's internals are named with a leading underscore; this class overrides and calls them.
/* oxlint-disable no-underscore-dangle */
import { Readability } from '@mozilla/readability';
import type { DomDocument, DomElement, DomNode } from './dom';
import { ELEMENT_NODE, type LinkedNode, adopt, hasNonBlankText, innerHtmlSetter } from './linkedom-nodes';
import { TagIndex, answerFromIndex } from './tag-index';
import { elementsByTag } from './tag-walk';

/** The Readability members the overrides use (not in its published types). */
interface ReadabilityInternals {
  REGEXPS: { byline: RegExp };
  _doc: DomDocument & { body: DomElement | null };
  _debug: boolean;
  _unwrapNoscriptImages(document: DomDocument): void;
  _removeScripts(document: DomDocument): void;
  _prepDocument(): void;
}

type ReadabilityOptions<T> = ConstructorParameters<typeof Readability<T>>[1];

/**
 * The tags Readability's preparation of the page looks for, from reading its JSON-LD to its title,
 * each step with a walk of the whole page. Between them it removes elements, moves them in order
 * (into the paragraphs it makes of `br` runs, the spans it makes of fonts) and adds only `p` and
 * `span` elements; the noscript images it unwraps, which could hold any of these, come before.
 */
const PREPARATION_TAGS = new Set(['script', 'noscript', 'style', 'br', 'font', 'h1', 'h2']);

/** The tags `_unwrapNoscriptImages` and then `_getArticleMetadata` walk the page for (see there). */
const UNWRAP_TAGS = new Set(['img', 'noscript', 'meta']);

/** Stands for the page's HTML that `_grabArticle` keeps to start again from (see below). */
const PAGE_SNAPSHOT = '\u0000lectern-page-snapshot\u0000';

/**
 * Readability 0.6 with `_isValidByline`, `_isElementWithoutContent` and `_isProbablyVisible`
 * answering as the originals do (a unit test compares them) at a fraction of the cost: the
 * byline's text is read only when its attributes or classes make it a candidate, an element's
 * emptiness is decided at its first non-blank text, and the style is read only when the
 * element has a `style` attribute (linkedom builds a style object per element otherwise).
 */
export class LeanReadability<T = string> extends Readability<T> {
  private readonly internals = this as unknown as ReadabilityInternals;
  /** Each element's normalised text while `_cleanConditionally` runs; null otherwise. */
  private texts: Map<DomElement, string> | null = null;
  /** The page's PREPARATION_TAGS elements, from reading the JSON-LD to grabbing the article. */
  private preparation: TagIndex | null = null;
  /** Puts back the page's own `getElementsByTagName` (see `_unwrapNoscriptImages`). */
  private releaseUnwrapTags: (() => void) | null = null;

  /**
   * `reparse` gives the same page again, parsed and prepared as the one given (a fresh document):
   * with it, the page is serialised only when Readability really starts again (see _grabArticle).
   */
  constructor(
    document: DomDocument,
    options?: ReadabilityOptions<T>,
    private readonly reparse: (() => DomDocument) | null = null,
  ) {
    super(document as never, options);
  }

  /**
   * The original keeps `page.innerHTML` on every run, to start again from it when the article it
   * found is too short (rare; over the fixtures, CNN). Here the page answers that read with a
   * token, and only a restart rebuilds the page: from `reparse`, prepared as `parse` prepared this
   * page before calling here (see restorePage). Without `reparse` the original runs as it is.
   */
  _grabArticle(page?: DomElement | null): DomElement | null {
    this.releasePageIndexes();
    const body = page ?? this.internals._doc.body;
    if (this.reparse === null || body === null) return this.grabArticleAsReadability(page);
    const setInnerHtml = innerHtmlSetter(body);
    Object.defineProperty(body, 'innerHTML', {
      configurable: true,
      get: () => PAGE_SNAPSHOT,
      set: (html: string) => {
        if (html === PAGE_SNAPSHOT) this.restorePage(body);
        else setInnerHtml.call(body, html);
      },
    });
    try {
      return this.grabArticleAsReadability(page);
    } finally {
      delete (body as { innerHTML?: string }).innerHTML;
    }
  }

  /**
   * The original `_grabArticle`, whose article `parse` then serialises only to pass to `log`
   * (unconditionally, whatever `debug` says): unless debugging, the article answers that one read
   * with '' and `_postProcessContent`, called right after, makes it an element like any other.
   */
  private grabArticleAsReadability(page?: DomElement | null): DomElement | null {
    const grab = (Readability.prototype as unknown as { _grabArticle: (page?: unknown) => DomElement | null })
      ._grabArticle;
    let article: DomElement | null;
    try {
      article = grab.call(this, page);
    } finally {
      this.texts = null;
    }
    if (article !== null && !this.internals._debug) {
      Object.defineProperty(article, 'innerHTML', { configurable: true, get: () => '' });
    }
    return article;
  }

  _postProcessContent(article: DomElement): void {
    delete (article as { innerHTML?: string }).innerHTML;
    const original = (Readability.prototype as unknown as { _postProcessContent: (a: DomElement) => void })
      ._postProcessContent;
    original.call(this, article);
  }

  /**
   * Puts back the body as `_grabArticle` first saw it: the page parsed again, with `parse`'s
   * preparation, its nodes moved in as linkedom's innerHTML setter moves those it parses. The
   * original serialised the body and parsed that back: two passes over the page more than this.
   */
  private restorePage(body: DomElement): void {
    this.texts = null;
    const nodes = [...this.preparedBody().childNodes];
    for (const node of nodes) adopt(node, body.ownerDocument);
    (body as unknown as { replaceChildren(...nodes: DomNode[]): void }).replaceChildren(...nodes);
  }

  /** The body of the page parsed again, prepared as `parse` prepares it. */
  private preparedBody(): DomElement {
    const again = (this.reparse as () => DomDocument)();
    const lean = new LeanReadability(again);
    const twin = lean as unknown as ReadabilityInternals;
    twin._unwrapNoscriptImages(again);
    twin._removeScripts(again);
    twin._prepDocument();
    lean.releasePageIndexes();
    return twin._doc.body ?? again.createElement('body');
  }

  /** Lets go of the elements found for the page's preparation, before anything else changes it. */
  private releasePageIndexes(): void {
    this.preparation = null;
    this.releaseUnwrapTags?.();
    this.releaseUnwrapTags = null;
  }

  /**
   * As the original, which walks the page for its images and then, having removed only images,
   * for its noscripts; `_getArticleMetadata` later walks it for its metas, and nothing in between
   * adds one (the pictures unwrapped are chains of single elements): the three found in one walk.
   */
  _unwrapNoscriptImages(document: DomDocument): void {
    this.releasePageIndexes();
    this.releaseUnwrapTags = answerFromIndex(document, new TagIndex(document, UNWRAP_TAGS, true));
    readabilityMethod<(document: DomDocument) => void>('_unwrapNoscriptImages').call(this, document);
  }

  /**
   * As the original, with each element's text built once per call: it decides on the elements of
   * `tag` from the last to the first, reading the text of each one and of the text-ish elements
   * under it, and removes it before moving on. No removal changes a text read before it: an
   * element decided later either precedes it in the page (outside it) or contains it (and takes
   * it along).
   */
  _cleanConditionally(element: DomElement, tag: string): void {
    this.texts = new Map();
    try {
      readabilityMethod<(element: DomElement, tag: string) => void>('_cleanConditionally').call(
        this,
        element,
        tag,
      );
    } finally {
      this.texts = null;
    }
  }

  /**
   * As the original; and from here (it is first called when `_grabArticle` starts scoring, after
   * its walk has changed the page) to `_prepArticle`, texts are built once: scoring and choosing
   * read the text of every candidate (up to five ancestors of each paragraph, so the same text
   * several times over) and change nothing but by moving whole elements (siblings into the
   * article; the body's children into one new element), which changes no text read before.
   */
  _getNodeAncestors(node: DomElement, maxDepth?: number): DomElement[] {
    this.texts ??= new Map();
    return readabilityMethod<(node: DomElement, maxDepth?: number) => DomElement[]>('_getNodeAncestors').call(
      this,
      node,
      maxDepth,
    );
  }

  /** As the original, after the texts kept while scoring are let go (it changes the article). */
  _prepArticle(article: DomElement): void {
    this.texts = null;
    readabilityMethod<(article: DomElement) => void>('_prepArticle').call(this, article);
  }

  /** As the original, answered from `texts` while they are kept (see above). */
  _getInnerText(element: DomElement, normalizeSpaces = true): string {
    const original = readabilityMethod<(element: DomElement, normalize: boolean) => string>('_getInnerText');
    if (this.texts === null || !normalizeSpaces) return original.call(this, element, normalizeSpaces);
    let text = this.texts.get(element);
    if (text === undefined) {
      text = original.call(this, element, true);
      this.texts.set(element, text);
    }
    return text;
  }

  /**
   * As the original; `parse` calls it first after unwrapping the noscript images, and from here to
   * `_grabArticle` the page's elements of PREPARATION_TAGS are found in this one walk.
   */
  _getJSONLD(document: DomDocument): unknown {
    this.preparation = new TagIndex(document, PREPARATION_TAGS);
    return readabilityMethod<(document: DomDocument) => unknown>('_getJSONLD').call(this, document);
  }

  /**
   * As the original (`querySelectorAll` of the tags), in one walk without a selector engine; while
   * the page is prepared, from the elements found for it (see `_getJSONLD`).
   */
  _getAllNodesWithTag(node: DomElement | DomDocument, tagNames: readonly string[]): DomElement[] {
    return this.preparation?.under(node, tagNames) ?? elementsByTag(node, tagNames);
  }

  /** As the original: a rel/itemprop/class-named byline with 1–99 characters of text. */
  _isValidByline(node: DomElement, matchString: string): boolean {
    const rel = node.getAttribute('rel');
    const itemprop = node.getAttribute('itemprop');
    const named =
      rel === 'author' ||
      (itemprop !== null && itemprop.includes('author')) ||
      (this as unknown as ReadabilityInternals).REGEXPS.byline.test(matchString);
    if (!named) return false;
    const length = (node.textContent ?? '').trim().length;
    return length > 0 && length < 100;
  }

  /** As the original: an element with no text but blanks and no children but `br`/`hr`. */
  _isElementWithoutContent(node: DomElement): boolean {
    if (node.nodeType !== ELEMENT_NODE || hasNonBlankText(node as unknown as LinkedNode)) return false;
    const children = node.children.length;
    const breaks = node.getElementsByTagName('br').length + node.getElementsByTagName('hr').length;
    return children === 0 || children === breaks;
  }

  /** As the original: not `display:none`, `visibility:hidden`, `hidden` or `aria-hidden`. */
  _isProbablyVisible(node: DomElement): boolean {
    if (node.getAttribute('style') !== null) {
      const style = (node as unknown as { style?: { display?: string; visibility?: string } }).style;
      if (style !== undefined && (style.display === 'none' || style.visibility === 'hidden')) return false;
    }
    if (node.hasAttribute('hidden')) return false;
    if (node.getAttribute('aria-hidden') !== 'true') return true;
    const className = (node as unknown as { className?: unknown }).className;
    return typeof className === 'string' && className.includes('fallback-image');
  }
}

/** Readability's own version of a method overridden here. */
function readabilityMethod<F>(name: string): F {
  return (Readability.prototype as unknown as Record<string, F>)[name] as F;
}
