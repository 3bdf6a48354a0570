/**
 * Moving around in <reader-view>'s document: to a section (from the contents), to a fragment
 * (an in-document link), and out through an external link, which opens in the browser.
 */
import type { LecternBridge } from '../../preload/api';
import { call } from '../app/calls';
import { linkAction } from './links';
import { jumpAndSettle, sectionTarget } from './navigation';
import { TOP_INSET } from './position-tracker';
import type { ProgressiveRenderer } from './progressive-renderer';
import { slugify, type Section } from './sections';

/** What the navigator reads from the reader. */
export interface NavigationHostParts {
  api(): LecternBridge;
  scroller(): HTMLElement;
  sectionsRoot(): HTMLElement;
  renderer(): ProgressiveRenderer | null;
  sections(): readonly Section[];
  /** The reader chose this section: it is current from now on. */
  setCurrent(section: number): void;
  /** A jump has settled: the position may be saved. */
  settled(): void;
  notice(message: string): void;
}

export class ReaderNavigator {
  /** Set while a jump settles: the section the reader chose, whatever the scroll says meanwhile. */
  jumpedTo: number | null = null;
  private stopJump: (() => void) | undefined;

  constructor(private readonly parts: NavigationHostParts) {}

  /** Stops a jump that is settling (the document is closing, or another jump starts). */
  stop(): void {
    this.stopJump?.();
  }

  /**
   * Goes to a section: renders it (and the one before, whose real height decides where it
   * starts), puts its heading exactly at the reading line, keeps it there while the chunks
   * around it are laid out, and focuses it. The section is current from the click on.
   */
  goToSection(index: number, focus = true): void {
    const renderer = this.parts.renderer();
    const element = renderer?.sectionElement(index);
    if (!element || !renderer) return;
    if (index > 0) renderer.renderSectionNow(index - 1);
    renderer.renderSectionNow(index);
    this.stopJump?.();
    this.jumpedTo = index;
    this.parts.setCurrent(index);
    this.stopJump = jumpAndSettle(
      this.parts.scroller(),
      () => sectionTarget(element),
      TOP_INSET,
      () => {
        this.jumpedTo = null;
        this.stopJump = undefined;
        this.parts.settled();
      },
    );
    if (focus) element.focus({ preventScroll: true });
  }

  goToFragment(id: string): void {
    // The sanitizer prefixes a document's ids and names with "user-content-".
    const named = CSS.escape(`user-content-${id}`);
    const target = this.parts
      .sectionsRoot()
      .querySelector<HTMLElement>(`[id="${named}"], a[name="${named}"]`);
    const sectionAfter = target ? this.sectionStartedBy(target) : null;
    if (sectionAfter !== null) return this.goToSection(sectionAfter);
    if (target) {
      this.stopJump?.();
      this.stopJump = jumpAndSettle(
        this.parts.scroller(),
        () => target,
        TOP_INSET,
        () => (this.stopJump = undefined),
      );
      return;
    }
    const wanted = slugify(id);
    const section = this.parts.sections().find((s) => s.heading && slugify(s.heading.text) === wanted);
    if (section) this.goToSection(section.index);
  }

  /**
   * A book's chapter anchor often ends the section before the chapter's heading (`<a id>` then the
   * next file's `<h2>`): landing on it would leave the reader at the end of the wrong section, so
   * it stands for the next section. Null when the target has text at or after it in its section.
   */
  private sectionStartedBy(target: HTMLElement): number | null {
    const elements = this.parts.renderer()?.sectionElements ?? [];
    const index = elements.findIndex((element) => element?.contains(target));
    const section = elements[index];
    if (!section || index + 1 >= elements.length) return null;
    const rest = document.createRange();
    rest.setStartBefore(target);
    rest.setEnd(section, section.childNodes.length);
    return rest.toString().trim() === '' ? index + 1 : null;
  }

  /** A click (or middle click) in the document's text: links never navigate the app window. */
  async followLink(event: MouseEvent): Promise<void> {
    const anchor = event
      .composedPath()
      .find((node): node is HTMLAnchorElement => node instanceof HTMLAnchorElement);
    if (!anchor) return;
    event.preventDefault();
    if (event.type !== 'click') return;
    const action = linkAction(anchor.getAttribute('href'));
    if (action.kind === 'fragment') this.goToFragment(action.id);
    else if (action.kind === 'external') {
      // A refused link is said in the reader's status line, next to the text the reader clicked.
      const opened = await call(this.parts.api(), 'openExternal', action.url);
      if (!opened.ok) this.parts.notice(opened.message);
    }
  }
}
