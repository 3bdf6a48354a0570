/**
 * <reader-view>: reads one document. Opens it through the bridge, puts the sections at the
 * saved place on screen first and the rest progressively, tracks and saves the reading
 * position, and hosts the toolbar, table of contents and reading settings.
 */
import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { consume } from '@lit/context';
import { customElement, property, query, state } from 'lit/decorators.js';
import { SETTINGS_LIMITS, type LecternBridge, type OpenedDocument, type ReadingPosition, type Settings } from '../../preload/api';
import { bridgeContext } from '../lib/bridge-context';
import { scrollForKey, type ReaderKeyAction } from '../reader/keys';
import { linkAction } from '../reader/links';
import { jumpAndSettle, sectionTarget } from '../reader/navigation';
import { TOP_INSET } from '../reader/position-tracker';
import { ProgressiveRenderer, warmUpRendering, type Typography } from '../reader/progressive-renderer';
import { slugify, splitSections, type Section } from '../reader/sections';
import { readerToolbar } from './reader-toolbar';
import { documentPage, notFoundPage, typographyOf } from './reader-page';
import { chromeStyles } from './reader-view-styles';
import { pageStyles } from './reader-page-styles';
import { settingsChange } from './reader-settings';
import { TocNavigateEvent, type TocEntry } from './reader-toc';
import { ReaderKeyboardController } from './reader-keyboard';
import { ReadingPositionController } from './reader-position';
import { HighlightController } from '../highlighting/highlight-controller';
import { highlightOverlays, highlightPaintStyles, highlightPanel, highlightTools } from '../highlighting/highlight-view';
import './reader-settings';
import './reader-toc';

/** Text rendered synchronously before the first paint, in viewport heights below the reading line. */
const FIRST_PAINT_SCREENS = 1.5;

// Warm the parser and sanitizer while the app idles, before anyone opens a document.
if (typeof requestIdleCallback === 'function') requestIdleCallback(warmUpRendering, { timeout: 2000 });

/** A performance mark set at the first frame with text (the moment data-first-paint reports). */
export const FIRST_PAINT_MARK = 'lectern:reader-first-paint';

const nextFrame = (): Promise<void> =>
  new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

/**
 * @fires reader-close - Event: the reader wants to go back to the library (its position is saved by then).
 * @fires settings-change - CustomEvent<Partial<Settings>>: the reader changed typography or theme.
 * @fires reader-first-paint - CustomEvent<{ ms: number }>: the first text is on screen.
 */
@customElement('reader-view')
export class ReaderView extends LitElement {
  static override styles = [chromeStyles, pageStyles, highlightPaintStyles];

  /** The document to read. */
  @property({ attribute: 'document-id' }) documentId = '';
  /** The reading settings (the shell owns and persists them). */
  @property({ attribute: false }) settings!: Settings;

  /** The bridge from the shell's context; `window.lectern` when mounted on its own. */
  @consume({ context: bridgeContext }) private bridge?: LecternBridge;

  @state() private status: 'loading' | 'ready' | 'not-found' = 'loading';
  @state() private doc: OpenedDocument | null = null;
  @state() private tocOpen = false;
  @state() private settingsOpen = false;
  @state() private currentSection = 0;
  @state() private progress = 0;
  @state() private quiet = false;
  @state() private notice = '';

  @query('.scroller') private scroller!: HTMLElement;
  @query('.sections') private sectionsRoot!: HTMLElement;

  private sections: Section[] = [];
  private toc: TocEntry[] = [];
  private renderer: ProgressiveRenderer | null = null;
  private readonly position = new ReadingPositionController(this);
  protected readonly keyboard = new ReaderKeyboardController(this, (action) => this.onKeyAction(action));
  protected readonly highlighting = new HighlightController(this, {
    doc: () => this.doc, sectionsRoot: () => this.sectionsRoot ?? null, body: () => this.renderRoot.querySelector<HTMLElement>('.body'),
    api: () => this.api, settings: () => this.settings, reload: () => void this.open(this.documentId), notice: (m) => this.showNotice(m),
  });
  private scrollFrame = 0;
  private lastScrollTop = 0;
  /** Set while a jump settles: the section the reader chose, whatever the scroll says meanwhile. */
  private jumpedTo: number | null = null;
  private stopJump: (() => void) | undefined;
  private closing = false;
  private noticeTimer: ReturnType<typeof setTimeout> | undefined;
  private unsubscribeMenu: (() => void) | undefined;

  constructor() {
    super();
    this.addEventListener('toc-navigate', (event) => this.onTocNavigate(event as TocNavigateEvent));
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.closing = false;
    this.unsubscribeMenu = this.api.subscribe?.('menuCommand', (command) => {
      if (command === 'toggle-toc') this.tocOpen = !this.tocOpen;
      // Leaving through the menu goes the same way as the Library button: save, then close.
      if (command === 'show-library') void this.close();
    });
    // Moved in the DOM (disconnected, then connected again): open the document again.
    if (this.hasUpdated && this.documentId && !this.renderer) void this.open(this.documentId);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unsubscribeMenu?.();
    this.closeDocument();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('documentId') && this.documentId) void this.open(this.documentId);
    // Keep the same text at the top across a typography change: capture before the new layout.
    const previous = changed.get('settings');
    if (previous && typographyOf(previous) !== typographyOf(this.settings)) this.position.beforeReflow();
  }

  protected override updated(): void {
    this.position.afterReflow(() => this.renderer?.setTypography(this.typography()));
  }

  private get api(): LecternBridge {
    return this.bridge ?? window.lectern;
  }

  private typography(): Typography {
    const { fontSize, lineWidth, lineHeight } = this.settings;
    return { fontSize, lineWidth, lineHeight };
  }

  /** Loads a document and paints the part the reader will see first. */
  private async open(id: string): Promise<void> {
    const requestStart = performance.now();
    await this.position.save(); // The reader may switch documents without closing.
    this.closeDocument();
    this.status = 'loading';
    this.doc = null;
    delete this.dataset.firstPaint;
    delete this.dataset.rendered;
    const doc = await this.api.openDocument(id);
    if (id !== this.documentId) return; // Another document was asked for meanwhile.
    if (!doc) {
      this.status = 'not-found';
      return;
    }
    this.doc = doc;
    this.sections = splitSections(doc.markdown);
    this.toc = this.sections.flatMap((s) => (s.heading ? [{ section: s.index, level: s.heading.level, text: s.heading.text }] : []));
    this.status = 'ready';
    await this.updateComplete;
    this.mountSections(doc.position);
    await nextFrame();
    if (id !== this.documentId) return;
    const ms = performance.now() - requestStart;
    // After the paint: focusing recalculates style, which need not delay the first text.
    this.scroller.focus({ preventScroll: true });
    this.dataset.firstPaint = String(ms);
    // The same moment on the page clock, so a benchmark can split the figure (transfer vs. renderer).
    performance.clearMarks(FIRST_PAINT_MARK);
    performance.mark(FIRST_PAINT_MARK, { detail: { documentId: id } });
    this.dispatchEvent(new CustomEvent('reader-first-paint', { detail: { ms }, bubbles: true, composed: true }));
    this.renderer?.renderRest(this.currentSection);
  }

  private mountSections(position: ReadingPosition | null): void {
    const renderer = new ProgressiveRenderer(this.sections, this.typography(), () => {
      this.dataset.rendered = 'all';
    });
    renderer.mount(this.sectionsRoot);
    this.renderer = renderer;
    const start = position ? Math.max(0, Math.min(position.section, this.sections.length - 1)) : 0;
    renderer.renderForReading(start, position?.offset ?? 0, window.innerHeight * FIRST_PAINT_SCREENS);
    const id = this.documentId;
    const tracked = {
      scroller: this.scroller,
      sectionElements: renderer.sectionElements,
      sections: this.sections,
      ensureRendered: (index: number) => renderer.renderSectionNow(index),
      save: (pos: ReadingPosition) => this.api.saveReadingPosition(id, pos),
    };
    this.position.start(tracked, position ? { ...position, section: start } : null);
    this.lastScrollTop = this.scroller.scrollTop;
    this.currentSection = start;
    this.progress = position?.progress ?? 0;
  }

  private closeDocument(): void {
    this.stopJump?.();
    this.position.stop();
    this.renderer?.dispose();
    this.renderer = null;
  }

  /** Saves the position (while the reader is still on screen to measure), then asks to leave. */
  private async close(): Promise<void> {
    if (this.closing) return;
    this.closing = true;
    try {
      await this.position.save();
    } finally {
      this.position.stop();
      this.dispatchEvent(new Event('reader-close', { bubbles: true, composed: true }));
    }
  }

  private onScroll(): void {
    if (this.scrollFrame) return;
    this.scrollFrame = requestAnimationFrame(() => {
      this.scrollFrame = 0;
      const section = this.jumpedTo ?? this.position.currentSection();
      if (section === null) return;
      const top = this.scroller.scrollTop;
      this.quiet = top > 120 && top > this.lastScrollTop;
      this.lastScrollTop = top;
      if (section !== this.currentSection) this.renderer?.prioritize(section);
      this.currentSection = section;
      this.progress = this.position.progress();
      this.position.scrolled();
    });
  }

  /**
   * Goes to a section: renders it (and the one before, whose real height decides where it
   * starts), puts its heading exactly at the reading line, keeps it there while the chunks
   * around it are laid out, and focuses it. The section is current from the click on.
   */
  private goToSection(index: number, focus = true): void {
    const element = this.renderer?.sectionElements[index];
    if (!element || !this.renderer) return;
    if (index > 0) this.renderer.renderSectionNow(index - 1);
    this.renderer.renderSectionNow(index);
    this.stopJump?.();
    this.jumpedTo = index;
    this.currentSection = index;
    this.stopJump = jumpAndSettle(this.scroller, () => sectionTarget(element), TOP_INSET, () => {
      this.jumpedTo = null;
      this.stopJump = undefined;
      this.position.scrolled();
    });
    if (focus) element.focus({ preventScroll: true });
  }

  private onTocNavigate(event: TocNavigateEvent): void {
    this.goToSection(event.section);
    if (window.matchMedia('(max-width: 999px)').matches) this.tocOpen = false;
  }

  private goToFragment(id: string): void {
    const target = this.sectionsRoot.querySelector<HTMLElement>(`[id="${CSS.escape(id)}"], a[name="${CSS.escape(id)}"]`);
    if (target) {
      this.stopJump?.();
      this.stopJump = jumpAndSettle(this.scroller, () => target, TOP_INSET, () => (this.stopJump = undefined));
      return;
    }
    const wanted = slugify(id);
    const section = this.sections.find((s) => s.heading && slugify(s.heading.text) === wanted);
    if (section) this.goToSection(section.index);
  }

  private async onDocumentClick(event: MouseEvent): Promise<void> {
    const anchor = event.composedPath().find((node): node is HTMLAnchorElement => node instanceof HTMLAnchorElement);
    if (!anchor) return;
    event.preventDefault(); // Document links never navigate the app window.
    if (event.type !== 'click') return;
    const action = linkAction(anchor.getAttribute('href'));
    if (action.kind === 'fragment') this.goToFragment(action.id);
    else if (action.kind === 'external') {
      const result = await this.api.openExternal(action.url);
      if (!result.ok) this.showNotice(result.message);
    }
  }

  private showNotice(message: string): void {
    this.notice = message;
    clearTimeout(this.noticeTimer);
    this.noticeTimer = setTimeout(() => (this.notice = ''), 6000);
  }

  /** A reader key was pressed; returns true when it acted (see ReaderKeyboardController). */
  private onKeyAction(action: ReaderKeyAction): boolean {
    if (this.status === 'ready' || action.kind === 'font') this.perform(action);
    else if (action.kind === 'escape') void this.close();
    else return false;
    return true;
  }

  private perform(action: ReaderKeyAction): void {
    if (action.kind === 'escape') return this.escape();
    if (action.kind === 'font') {
      const { min, max } = SETTINGS_LIMITS.fontSize;
      const fontSize = Math.min(max, Math.max(min, this.settings.fontSize + action.step));
      if (fontSize !== this.settings.fontSize) this.dispatchEvent(settingsChange({ fontSize }));
    } else if (action.kind === 'edge' && action.to === 'end') this.renderer?.renderSectionNow(this.sections.length - 1);
    scrollForKey(this.scroller, action, this.settings.fontSize * this.settings.lineHeight);
  }

  /** Esc closes the innermost thing open: settings, then contents, then the reader. */
  private escape(): void {
    if (this.settingsOpen) {
      this.settingsOpen = false;
      this.focusTool('.settings-button');
    } else if (this.tocOpen) {
      this.tocOpen = false;
      this.focusTool('.toc-button');
    } else void this.close();
  }

  private focusTool(selector: string): void {
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(selector)?.focus());
  }

  private toggleSettings(): void {
    this.settingsOpen = !this.settingsOpen;
    if (this.settingsOpen) {
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('reader-settings')?.focus());
    }
  }

  /** A pointer press outside the open popover closes it. */
  private onPointerDown(event: PointerEvent): void {
    if (!this.settingsOpen) return;
    const path = event.composedPath();
    const inside = path.some((node) => node instanceof HTMLElement && (node.matches('.popover') || node.matches('.settings-button')));
    if (!inside) this.settingsOpen = false;
  }

  override render() {
    if (this.status === 'not-found') return notFoundPage(() => void this.close());
    const title = this.doc?.summary.title ?? '';
    return html`
      ${readerToolbar({
        title,
        tocOpen: this.tocOpen,
        settingsOpen: this.settingsOpen,
        progress: this.progress,
        quiet: this.quiet,
        onBack: () => void this.close(),
        onToggleToc: () => (this.tocOpen = !this.tocOpen),
        onToggleSettings: () => this.toggleSettings(),
        tools: highlightTools(this.highlighting),
      })}
      <div class="body" @pointerdown=${this.onPointerDown}>
        ${this.tocOpen
          ? html`<reader-toc class="toc" id="toc" .entries=${this.toc} .current=${this.currentSection}></reader-toc>`
          : nothing}
        <div class="scroller" tabindex="0" role="region" aria-label="Reading area" @scroll=${this.onScroll}>
          ${this.doc ? documentPage(this.doc, this.sections, this.settings, (event) => void this.onDocumentClick(event)) : nothing}
        </div>
        ${this.settingsOpen
          ? html`<div class="popover" id="reading-settings" role="dialog" aria-label="Reading settings">
              <reader-settings .settings=${this.settings}></reader-settings>
            </div>`
          : nothing}
        ${highlightPanel(this.highlighting)} ${highlightOverlays(this.highlighting)}
        <div class="notice" role="status" aria-live="polite">${this.notice}</div>
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'reader-view': ReaderView;
  }
}
