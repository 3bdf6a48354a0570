/**
 * <reader-view>: reads one document. The element is the template and the wiring; its
 * controllers do the work: ReaderDocumentController opens and mounts the document,
 * ReadingPositionController follows and saves the place, HighlightController highlights,
 * ReaderKeyboardController reads keys, and ReaderNavigator moves around the text.
 */
import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { consume } from '@lit/context';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { LecternBridge, Settings } from '../../preload/api';
import { bridgeContext } from '../lib/bridge-context';
import { closeInnermost } from '../reader/escape-chain';
import { readerEscapeChain } from '../reader/reader-escape';
import { performKeyAction } from '../reader/reader-key-actions';
import type { ReaderKeyAction } from '../reader/keys';
import type { Typography } from '../reader/progressive-renderer';
import { readerToolbar } from '../reader/reader-toolbar';
import './reader-parts';
import { documentPage, failedPage, notFoundPage, typographyOf } from '../reader/reader-page';
import { chromeStyles } from '../reader/reader-view-styles';
import { pageStyles } from '../reader/reader-page-styles';
import { SettingsChangeEvent } from '../lib/events';
import type { TocNavigateEvent } from './reader-toc';
import { ReaderDocumentController } from '../reader/reader-document';
import { ReaderKeyboardController } from '../reader/reader-keyboard';
import { returnFocusAfterClicks } from '../reader/focus-return';
import { panelToClose } from '../reader/panels';
import { ReaderNavigator } from '../reader/reader-navigation';
import { ReadingPositionController } from '../reader/reader-position';
import { ReaderPopoverController } from '../reader/reader-popover';
import { HighlightController } from '../highlighting/highlight-controller';
import {
  highlightOverlays,
  highlightPaintStyles,
  highlightPanel,
  highlightTools,
} from '../highlighting/highlight-view';
import { ReaderNotesController, noteMarkerStyles } from '../notes/reader-notes';
import { ReaderLinksController, linkStyles } from '../links/reader-links';
import { FindController } from '../find/find-controller';
import { ReadingPositionAnnouncer } from '../reader/reading-position-announcer';

/**
 * @fires reader-close - ReaderCloseEvent: back where it was opened from (its position is saved by then).
 * @fires settings-change - SettingsChangeEvent: the reader changed typography, theme or last colour.
 * @fires toast - ToastEvent: a failure the user must hear of.
 */
@customElement('reader-view')
export class ReaderView extends LitElement {
  static override styles = [chromeStyles, pageStyles, highlightPaintStyles, noteMarkerStyles, linkStyles];

  /** The document to read. */
  @property({ attribute: 'document-id' }) documentId = '';
  /** The reading settings (the shell owns and persists them). */
  @property({ attribute: false }) settings!: Settings;
  /** Where Back goes, as its label says it ("Library", "Highlights", "Notes"). */
  @property({ attribute: false }) backTo = 'Library';

  /** The bridge from the shell's context; `window.lectern` when mounted on its own. */
  @consume({ context: bridgeContext }) private bridge?: LecternBridge;

  @state() private tocOpen = false;
  @state() private currentSection = 0;
  @state() private progress = 0;
  @state() private quiet = false;
  @state() private notice = '';

  @query('.scroller') private scroller!: HTMLElement;
  @query('.sections') private sectionsRoot!: HTMLElement;

  private readonly position = new ReadingPositionController(this);
  private readonly readingSettings = new ReaderPopoverController(this, {
    popover: '.popover',
    button: '.settings-button',
    focus: 'reader-settings',
  });
  private readonly navigator = new ReaderNavigator({
    api: () => this.api,
    scroller: () => this.scroller,
    sectionsRoot: () => this.sectionsRoot,
    renderer: () => this.document.renderer,
    sections: () => this.document.sections,
    setCurrent: (section) => (this.currentSection = section),
    settled: () => this.position.scrolled(),
    notice: (m) => this.showNotice(m),
  });
  private readonly document = new ReaderDocumentController(this, this.position, {
    api: () => this.api,
    documentId: () => this.documentId,
    scroller: () => this.scroller,
    sectionsRoot: () => this.sectionsRoot,
    typography: () => this.typography(),
    currentSection: () => this.currentSection,
    closing: () => this.navigator.stop(),
    allRendered: (doc) => this.highlighting.documentRendered(doc),
    mounted: (section, progress) => {
      this.lastScrollTop = this.scroller.scrollTop;
      this.currentSection = section;
      this.progress = progress;
    },
  });
  protected readonly keyboard = new ReaderKeyboardController(this, (action) => this.onKeyAction(action));
  protected readonly highlighting = new HighlightController(this, {
    doc: () => this.document.doc,
    sectionsRoot: () => this.sectionsRoot ?? null,
    readingArea: () => this.scroller ?? null,
    api: () => this.api,
    settings: () => this.settings,
    notice: (m) => this.showNotice(m),
  });
  private readonly links = new ReaderLinksController(this, this.highlighting);
  private readonly find = new FindController(this, {
    highlights: () => this.highlighting.view().set,
    scroller: () => this.scroller ?? null,
    lastColor: () => this.settings.lastHighlightColor,
  });
  private readonly announcer = new ReadingPositionAnnouncer(this, this.highlighting);
  private readonly notes = new ReaderNotesController(this, {
    highlighting: () => this.highlighting,
    doc: () => this.document.doc,
    sectionsRoot: () => this.sectionsRoot ?? null,
  });
  private readonly escapeChain = readerEscapeChain({
    settingsOpen: () => this.readingSettings.open,
    closeSettings: () => this.readingSettings.close(),
    highlightOverlay: () => this.highlighting.hasOverlay,
    dismissHighlightOverlay: () => this.highlighting.dismiss(),
    highlightsPanelOpen: () => this.highlighting.panelOpen,
    closeHighlightsPanel: () => this.highlighting.closePanel(),
    tocOpen: () => this.tocOpen,
    closeToc: () => this.closeToc(),
    focused: () => this.shadowRoot?.activeElement?.localName,
    findBar: this.find.escapeLayer,
  });
  private scrollFrame = 0;
  private lastScrollTop = 0;
  private noticeTimer: ReturnType<typeof setTimeout> | undefined;
  private unsubscribeMenu: (() => void) | undefined;

  constructor() {
    super();
    this.addEventListener('toc-navigate', (event) => this.onTocNavigate(event));
    returnFocusAfterClicks(this, () => this.scroller);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.unsubscribeMenu = this.api.subscribe?.('menuCommand', (command) => {
      if (command === 'toggle-toc') this.tocOpen = !this.tocOpen;
      // Leaving through the menu goes the same way as the Library button: save, then close.
      if (command === 'show-library') void this.document.close('library');
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unsubscribeMenu?.();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const [tocOpen, highlightsOpen, windowWidth] = [this.tocOpen, this.highlighting.panelOpen, innerWidth];
    const tocJustToggled = (changed as PropertyValues).has('tocOpen');
    const toClose = panelToClose({ tocOpen, highlightsOpen, tocJustToggled, windowWidth });
    if (toClose === 'toc') this.tocOpen = false;
    else if (toClose === 'highlights') this.highlighting.closePanel();
    if (changed.has('documentId') && this.documentId) void this.document.open(this.documentId);
    // Keep the same text at the top across a typography change: capture before the new layout.
    const previous = changed.get('settings');
    if (previous && typographyOf(previous) !== typographyOf(this.settings)) this.position.beforeReflow();
  }

  protected override updated(): void {
    this.position.afterReflow(() => this.document.renderer?.setTypography(this.typography()));
  }

  private get api(): LecternBridge {
    return this.bridge ?? window.lectern;
  }

  private typography(): Typography {
    const { fontSize, lineWidth, lineHeight } = this.settings;
    return { fontSize, lineWidth, lineHeight };
  }

  private onScroll(): void {
    if (this.scrollFrame) return;
    this.scrollFrame = requestAnimationFrame(() => {
      this.scrollFrame = 0;
      const section = this.navigator.jumpedTo ?? this.position.currentSection();
      if (section === null) return;
      const top = this.scroller.scrollTop;
      this.quiet = top > 120 && top > this.lastScrollTop;
      this.lastScrollTop = top;
      if (section !== this.currentSection) this.document.renderer?.prioritize(section);
      this.currentSection = section;
      this.progress = this.position.progress();
      this.position.scrolled();
    });
  }

  private onTocNavigate(event: TocNavigateEvent): void {
    this.navigator.goToSection(event.section);
    if (window.matchMedia('(max-width: 699px)').matches) this.tocOpen = false;
  }

  private showNotice(message: string): void {
    this.notice = message;
    clearTimeout(this.noticeTimer);
    this.noticeTimer = setTimeout(() => (this.notice = ''), 6000);
  }

  /** A reader key was pressed; returns true when it acted (see ReaderKeyboardController). */
  private onKeyAction(action: ReaderKeyAction): boolean {
    if (action.kind === 'back') void this.document.close();
    else if (this.document.status === 'ready' || action.kind === 'font') this.perform(action);
    else return false;
    return true;
  }

  private perform(action: ReaderKeyAction): void {
    performKeyAction(action, {
      escape: () => void closeInnermost(this.escapeChain),
      settings: () => this.settings,
      changeFontSize: (fontSize) => this.dispatchEvent(new SettingsChangeEvent({ fontSize })),
      renderLastSection: () => this.document.renderer?.renderSectionNow(this.document.sections.length - 1),
      scroller: () => this.scroller,
    });
  }

  /** Closes Contents; focus goes back to its button. */
  private closeToc(): void {
    this.tocOpen = false;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('.toc-button')?.focus());
  }

  override render() {
    const { status, doc, sections } = this.document;
    if (status === 'not-found') return notFoundPage(() => void this.document.close(), this.backTo);
    if (status === 'failed' && this.document.failure) {
      return html`<div @retry-load=${() => void this.document.open(this.documentId)}>
        ${failedPage(this.document.failure, () => void this.document.close(), this.backTo)}
      </div>`;
    }
    const title = doc?.summary.title ?? '';
    return html`
      ${readerToolbar({
        title,
        tocOpen: this.tocOpen,
        settingsOpen: this.readingSettings.open,
        progress: this.progress,
        quiet: this.quiet,
        onBack: () => void this.document.close(),
        backTo: this.backTo,
        onToggleToc: () => (this.tocOpen = !this.tocOpen),
        onToggleSettings: () => this.readingSettings.toggle(),
        tools: html`${highlightTools(this.highlighting, () => void this.document.updateFromFile())}
          <reader-document-tags .summary=${doc?.summary ?? null}></reader-document-tags>
          <reader-export-tools document-id=${doc?.summary.id ?? ''}></reader-export-tools>
          <reader-jsonld-export document-id=${doc?.summary.id ?? ''}></reader-jsonld-export>`,
      })}
      <div class="body" @pointerdown=${this.readingSettings.onPointerDown}>
        ${
          this.tocOpen
            ? html`<reader-toc
                class="toc"
                id="toc"
                .entries=${this.document.toc}
                .current=${this.currentSection}
              ></reader-toc>`
            : nothing
        }
        <div class="scroller" tabindex="0" role="main" aria-label="Reading area" @scroll=${this.onScroll}>
          ${doc ? documentPage(doc, sections, this.settings, (event) => void this.navigator.followLink(event)) : nothing}
          ${this.notes.render()} ${this.links.render(doc !== null)}
        </div>
        ${
          this.readingSettings.open
            ? html`<div class="popover" id="reading-settings" role="dialog" aria-label="Reading settings">
                <reader-settings .settings=${this.settings}></reader-settings>
              </div>`
            : nothing
        }
        ${highlightPanel(this.highlighting, this.links.backlinksByHighlight())}
        ${highlightOverlays(this.highlighting)} ${this.find.render()}
        <div class="notice" role="status" aria-live="polite">${this.notice}</div>
        ${this.announcer.render()}
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'reader-view': ReaderView;
  }
}
