/**
 * The reader as a user sees it: the document's text, a toolbar (back, contents, reading
 * settings) and the table of contents. Found by role and accessible name; the only DOM
 * reading is geometry (which paragraph is at the top), which has no accessible equivalent.
 */
import { expect, type Locator, type Page } from '@playwright/test';

export type ThemeChoice = 'System' | 'Light' | 'Dark' | 'Sepia';
export type FontChoice = 'Serif' | 'Sans';
export type SliderName = 'Font size' | 'Line width' | 'Line height';

/** Structural DOM types for the page-side function below (the Node tsconfig has no DOM lib). */
interface Box {
  top: number;
  bottom: number;
}
interface El {
  parentElement: El | null;
  scrollTop: number;
  scrollHeight: number;
  clientHeight: number;
  textContent: string | null;
  getRootNode(): { host?: El };
  getBoundingClientRect(): Box;
  querySelectorAll(selector: string): ArrayLike<El>;
}
interface ScrollReport {
  scrollTop: number;
  maxScrollTop: number;
  firstVisibleText: string;
}

/** Runs in the page: the nearest scrolling ancestor of the text and the block at its top edge. */
function readScroll(text: El): ScrollReport {
  const view = globalThis as unknown as {
    getComputedStyle(el: El): { overflowY: string };
    document: { scrollingElement: El };
  };
  let scroller: El | null = text;
  while (scroller) {
    const { overflowY } = view.getComputedStyle(scroller);
    if ((overflowY === 'auto' || overflowY === 'scroll') && scroller.scrollHeight > scroller.clientHeight)
      break;
    scroller = scroller.parentElement ?? scroller.getRootNode().host ?? null;
  }
  const root = scroller ?? view.document.scrollingElement;
  const top = scroller ? Math.max(0, root.getBoundingClientRect().top) : 0;
  const blocks = text.querySelectorAll('p, h1, h2, h3, h4, h5, h6, li, pre, blockquote');
  // Blocks are in document order, so their bottoms only grow: binary search for the first
  // one reaching below the top edge (this also keeps forced layout of skipped sections low).
  let low = 0;
  let high = blocks.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const block = blocks[middle];
    if (block && block.getBoundingClientRect().bottom > top + 1) {
      found = middle;
      high = middle - 1;
    } else {
      low = middle + 1;
    }
  }
  return {
    scrollTop: root.scrollTop,
    maxScrollTop: root.scrollHeight - root.clientHeight,
    firstVisibleText: (found >= 0 ? (blocks[found]?.textContent ?? '') : '').replace(/\s+/g, ' ').trim(),
  };
}

export class ReaderPage {
  readonly backButton: Locator;
  readonly contentsButton: Locator;
  readonly settingsButton: Locator;
  readonly toc: Locator;
  /** The document's text. */
  readonly text: Locator;
  /** The scrolling region around the text. */
  readonly readingArea: Locator;

  constructor(readonly page: Page) {
    // Back is named by where it returns: the library, or the view the document was opened from.
    this.backButton = page.getByRole('button', { name: /^Back to / });
    this.contentsButton = page.getByRole('button', { name: 'Contents' });
    this.settingsButton = page.getByRole('button', { name: 'Reading settings' });
    this.toc = page.getByRole('navigation', { name: 'Table of contents' });
    this.text = page.getByRole('article');
    this.readingArea = page.getByRole('main', { name: 'Reading area' });
  }

  async waitUntilShown(): Promise<void> {
    await expect(this.backButton).toBeVisible();
    await expect(this.text).toBeVisible();
  }

  async back(): Promise<void> {
    await this.backButton.click();
  }

  async openContents(): Promise<void> {
    if (!(await this.toc.isVisible())) await this.contentsButton.click();
    await expect(this.toc).toBeVisible();
  }

  /** A table-of-contents entry; `after` picks the first entry named `name` after an entry named `after`. */
  async tocEntry(name: string, after?: string): Promise<Locator> {
    const entries = this.toc.getByRole('button');
    const names = (await entries.allInnerTexts()).map((n) => n.replace(/\s+/g, ' ').trim());
    const start = after === undefined ? 0 : names.findIndex((n) => n.startsWith(after));
    if (start < 0) throw new Error(`no contents entry starting with “${after}”`);
    const index = names.findIndex((n, i) => i >= start && n === name);
    if (index < 0) throw new Error(`no contents entry “${name}”${after ? ` after “${after}”` : ''}`);
    return entries.nth(index);
  }

  async jumpTo(name: string, after?: string): Promise<Locator> {
    await this.openContents();
    const entry = await this.tocEntry(name, after);
    await entry.click();
    return entry;
  }

  async openSettings(): Promise<Locator> {
    await this.settingsButton.click();
    const panel = this.page.getByRole('radio', { name: 'Sepia' });
    await expect(panel).toBeVisible();
    return this.page.getByRole('slider', { name: 'Font size' });
  }

  private choiceGroup(name: 'Theme' | 'Font'): Locator {
    return this.page.getByRole('radiogroup', { name }).or(this.page.getByRole('group', { name }));
  }

  async chooseTheme(theme: ThemeChoice): Promise<void> {
    const radio = this.choiceGroup('Theme').getByRole('radio', { name: theme, exact: true });
    await radio.check();
    await expect(radio).toBeChecked();
  }

  async chooseFont(font: FontChoice): Promise<void> {
    const radio = this.choiceGroup('Font').getByRole('radio', { name: font, exact: true });
    await radio.check();
    await expect(radio).toBeChecked();
  }

  slider(name: SliderName): Locator {
    return this.page.getByRole('slider', { name });
  }

  /** Moves a slider with the arrow keys, as a keyboard user would. */
  async setSlider(name: SliderName, value: number): Promise<void> {
    const slider = this.slider(name);
    await slider.focus();
    for (let i = 0; i < 100; i++) {
      const current = Number(await slider.inputValue());
      if (Math.abs(current - value) < 1e-6) return;
      await slider.press(current < value ? 'ArrowRight' : 'ArrowLeft');
    }
    throw new Error(`could not set ${name} to ${value}`);
  }

  /** Scroll position and the text of the block at the top edge of the reading area. */
  async scrollState(): Promise<ScrollReport> {
    return this.text.evaluate(readScroll as (el: unknown) => ScrollReport);
  }

  /**
   * Whether any part of the element is on screen inside the reading area. (Playwright's
   * toBeInViewport relies on IntersectionObserver, which reports 0 for text inside the
   * reader's content-visibility chunks, so geometry is checked directly.)
   */
  async isOnScreen(element: Locator): Promise<boolean> {
    const box = await element.boundingBox();
    const area = await this.readingArea.boundingBox();
    const viewport = this.page.viewportSize();
    if (box === null || area === null || viewport === null) return false;
    const top = Math.max(area.y, 0);
    const bottom = Math.min(area.y + area.height, viewport.height);
    return box.height > 0 && box.y < bottom && box.y + box.height > top;
  }

  /** Polls until the element is on screen (see isOnScreen). */
  async expectOnScreen(element: Locator, message?: string): Promise<void> {
    await expect
      .poll(() => this.isOnScreen(element), { message: message ?? `${element} on screen` })
      .toBe(true);
  }

  /** How many of these elements are on screen. */
  async countOnScreen(elements: Locator): Promise<number> {
    let count = 0;
    for (const element of await elements.all()) if (await this.isOnScreen(element)) count++;
    return count;
  }

  async firstVisibleText(): Promise<string> {
    return (await this.scrollState()).firstVisibleText;
  }
}
