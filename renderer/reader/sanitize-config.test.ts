/**
 * The DOMPurify configuration of the one sanitize path, tested without a browser: vitest runs
 * in Node here and no jsdom/happy-dom is installed (DOMPurify refuses linkedom's DOM), so these
 * check the options object and run the attribute hook and the finishing pass on linkedom
 * elements. The whole path, DOMPurify included, runs in Chromium in e2e/specs/links.spec.ts.
 */
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { SANITIZE_OPTIONS, finishFragment, scrubAttributes } from './sanitize';

const { document } = parseHTML('<!doctype html><html><body></body></html>');

function element(html: string): Element {
  const holder = document.createElement('div');
  holder.innerHTML = html;
  const first = holder.firstElementChild;
  if (!first) throw new Error(`no element in ${html}`);
  return first;
}

const scrubbed = (html: string): Element => {
  const node = element(html);
  scrubAttributes(node);
  return node;
};

describe('SANITIZE_OPTIONS', () => {
  const tags: readonly string[] = SANITIZE_OPTIONS.ALLOWED_TAGS;
  const attributes: readonly string[] = SANITIZE_OPTIONS.ALLOWED_ATTR;

  it('keeps no tag that runs code, loads a page or submits anything', () => {
    for (const tag of [
      'script',
      'style',
      'iframe',
      'frame',
      'object',
      'embed',
      'form',
      'button',
      'svg',
      'math',
    ]) {
      expect(tags, tag).not.toContain(tag);
    }
    for (const tag of [
      'link',
      'meta',
      'base',
      'video',
      'audio',
      'source',
      'template',
      'textarea',
      'select',
    ]) {
      expect(tags, tag).not.toContain(tag);
    }
  });

  it('keeps no event handler, style, srcset or form attribute', () => {
    expect(attributes.filter((name) => name.startsWith('on'))).toEqual([]);
    for (const name of ['style', 'srcset', 'action', 'formaction', 'xlink:href', 'ping', 'target']) {
      expect(attributes, name).not.toContain(name);
    }
    expect(SANITIZE_OPTIONS.ALLOW_DATA_ATTR).toBe(false);
    expect(SANITIZE_OPTIONS.ALLOW_ARIA_ATTR).toBe(false);
  });

  it('renames document ids so they cannot clobber the reader’s own', () => {
    expect(SANITIZE_OPTIONS.SANITIZE_NAMED_PROPS).toBe(true);
  });

  it('lets through only URIs that stay off the network or are plain links', () => {
    const uri = SANITIZE_OPTIONS.ALLOWED_URI_REGEXP;
    for (const ok of [
      'https://example.org',
      'HTTP://example.org',
      'mailto:a@b.org',
      '#note-1',
      'data:image/png;base64,AA',
      'lectern://asset/x.png',
    ]) {
      expect(uri.test(ok), ok).toBe(true);
    }
    for (const refused of [
      'javascript:alert(1)',
      'vbscript:x',
      'data:text/html,<script>',
      'file:///etc/passwd',
      'ftp://x',
      'blob:https://x/1',
    ]) {
      expect(uri.test(refused), refused).toBe(false);
    }
  });
});

describe('scrubAttributes', () => {
  it('makes unsafe links inert and marks safe ones as leaving the app', () => {
    expect(scrubbed('<a href="javascript:alert(1)">run</a>').hasAttribute('href')).toBe(false);
    expect(scrubbed('<a href="java\tscript:alert(1)">run</a>').hasAttribute('href')).toBe(false);
    expect(scrubbed('<a href="chapter2.md">next</a>').hasAttribute('href')).toBe(false);
    const link = scrubbed('<a href=" https://en.wikipedia.org/wiki/Borodino ">Borodino</a>');
    expect(link.getAttribute('href')).toBe('https://en.wikipedia.org/wiki/Borodino');
    expect(link.getAttribute('title')).toBe('https://en.wikipedia.org/wiki/Borodino');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
  });

  it('keeps a fragment link’s own title, else shows where it goes', () => {
    expect(scrubbed('<a href="#fn1" title="Footnote 1">1</a>').getAttribute('title')).toBe('Footnote 1');
    expect(scrubbed('<a href="#fn2">2</a>').getAttribute('title')).toBe('#fn2');
  });

  it('keeps only language-* classes, so a document cannot dress up as the reader’s controls', () => {
    expect(scrubbed('<code class="language-ts highlights-button tool">x</code>').getAttribute('class')).toBe(
      'language-ts',
    );
    expect(scrubbed('<div class="popover scroller">x</div>').hasAttribute('class')).toBe(false);
    expect(scrubbed('<code class="language-c++ language-c#">x</code>').getAttribute('class')).toBe(
      'language-c++ language-c#',
    );
  });

  it('blocks remote images and foreign lectern: URLs, drops srcset, keeps data images', () => {
    const remote = scrubbed(
      '<img src="https://tracker.example/pixel.gif" srcset="https://x/1.png 2x" alt="Map">',
    );
    expect(remote.hasAttribute('src')).toBe(false);
    expect(remote.hasAttribute('srcset')).toBe(false);
    expect(remote.hasAttribute('data-blocked')).toBe(true);
    const foreign = scrubbed('<img src="lectern://app/index.html">');
    expect(foreign.hasAttribute('src')).toBe(false);
    expect(foreign.hasAttribute('data-blocked')).toBe(true);
    const local = scrubbed('<img src="data:image/png;base64,iVBORw0KGgo=" srcset="https://x/1.png 2x">');
    expect(local.getAttribute('src')).toBe('data:image/png;base64,iVBORw0KGgo=');
    expect(local.hasAttribute('srcset')).toBe(false);
    expect(local.hasAttribute('data-blocked')).toBe(false);
  });

  it('keeps task-list checkboxes read-only and marks every other input for removal', () => {
    expect(scrubbed('<input type="checkbox" checked>').hasAttribute('disabled')).toBe(true);
    expect(scrubbed('<input type="CHECKBOX">').hasAttribute('disabled')).toBe(true);
    expect(scrubbed('<input type="text" value="password">').hasAttribute('data-drop')).toBe(true);
    expect(scrubbed('<input>').hasAttribute('data-drop')).toBe(true);
  });
});

describe('finishFragment', () => {
  it('drops refused inputs and says where an image was not loaded', () => {
    const fragment = document.createDocumentFragment();
    const body = element(
      '<p>Field <input data-drop type="text"> and <img data-blocked alt=" The mill, 1902 "> <img data-blocked></p>',
    );
    fragment.append(body);
    finishFragment(fragment);
    expect(body.querySelector('input')).toBeNull();
    expect([...body.querySelectorAll('.blocked-image')].map((n) => n.textContent)).toEqual([
      '[image not loaded: The mill, 1902]',
      '[image not loaded]',
    ]);
    expect(body.querySelector('img')).toBeNull();
  });
});
