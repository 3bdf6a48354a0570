/**
 * The application shell: loads settings and the library, applies the theme, routes between
 * the library, the trash and the reader, imports (button, Ctrl/Cmd+O, drop, menu) and owns
 * the toasts. It is the only component that listens to the bridge's events.
 */
import { unwrap } from '../lib/result';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { ContextProvider } from '@lit/context';
import type {
  DocumentId,
  DocumentSummary,
  ImportReport,
  LecternBridge,
  LibraryNotice,
  Settings,
  Result,
} from '../../preload/api';
import { bridgeContext } from '../lib/bridge-context';
import { NavigateEvent, OpenDocumentEvent, ToastEvent, type Toast, type ToastInit } from '../lib/events';
import { summarizeImport } from '../lib/import-summary';
import { resolveTheme } from '../lib/theme';
import type { DroppedFiles } from './app-drop-zone';
import './app-drop-zone';
import './app-toasts';
import './library-view';
import './trash-view';
import './reader-view';

type Route = { view: 'library' } | { view: 'trash' } | { view: 'reader'; documentId: DocumentId };

const noticeToast = (notice: LibraryNotice): ToastInit => ({
  kind: notice.level === 'info' ? 'info' : 'error',
  message: notice.message,
});

@customElement('lectern-app')
export class LecternApp extends LitElement {
  static override styles = css`
    :host {
      display: block;
      min-height: 100vh;
    }
    .fatal {
      max-width: 520px;
      margin: 20vh auto 0;
      padding: 0 24px;
      font-family: var(--font-serif);
      font-size: 1.25rem;
      text-align: center;
    }
  `;

  private readonly bridge: LecternBridge | undefined = window.lectern;
  /** Hands the bridge to the views (library, trash) without them reading the global. */
  protected readonly bridgeProvider = this.bridge
    ? new ContextProvider(this, { context: bridgeContext, initialValue: this.bridge })
    : null;
  @state() private route: Route = { view: 'library' };
  @state() private settings: Settings | null = null;
  @state() private documents: DocumentSummary[] | null = null;
  @state() private toasts: Toast[] = [];

  private readonly darkQuery = window.matchMedia('(prefers-color-scheme: dark)');
  private readonly unsubscribes: Array<() => void> = [];
  private nextToastId = 1;
  private settingsRequest = 0;
  private reloading: Promise<void> | null = null;
  private reloadAgain = false;
  private libraryScroll = 0;

  constructor() {
    super();
    this.addEventListener(OpenDocumentEvent.eventName, (e) =>
      this.openDocument((e as OpenDocumentEvent).documentId),
    );
    this.addEventListener(NavigateEvent.eventName, (e) => this.go({ view: (e as NavigateEvent).view }));
    // The reader fires this once its last position save has been stored: the list is fresh then.
    this.addEventListener('reader-close', () => {
      this.go({ view: 'library' });
      void this.reloadDocuments();
    });
    this.addEventListener('import-request', () => void this.chooseAndImport());
    this.addEventListener('library-edited', () => void this.reloadDocuments());
    this.addEventListener(ToastEvent.eventName, (e) => this.toast((e as ToastEvent).toast));
    this.addEventListener(
      'settings-change',
      (e) => void this.changeSettings((e as CustomEvent<Partial<Settings>>).detail),
    );
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.darkQuery.addEventListener('change', this.applyTheme);
    window.addEventListener('keydown', this.onKey);
    if (!this.bridge) return;
    this.unsubscribes.push(
      this.bridge.subscribe('libraryChanged', () => void this.reloadDocuments()),
      this.bridge.subscribe('importFinished', (report) => this.reportImport(report)),
      this.bridge.subscribe('menuCommand', (command) => {
        // An open reader answers this itself (it saves, then fires reader-close).
        if (command === 'show-library' && this.route.view !== 'reader') this.go({ view: 'library' });
      }),
    );
    void this.load(this.bridge);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.darkQuery.removeEventListener('change', this.applyTheme);
    window.removeEventListener('keydown', this.onKey);
    for (const unsubscribe of this.unsubscribes.splice(0)) unsubscribe();
  }

  override render() {
    if (!this.bridge) return html`<p class="fatal" role="alert">Lectern could not reach its library.</p>`;
    return html`
      ${this.renderRoute()}
      <app-drop-zone
        @files-dropped=${(e: CustomEvent<DroppedFiles>) => void this.importDropped(e.detail)}
      ></app-drop-zone>
      <app-toasts
        .toasts=${this.toasts}
        @toast-dismiss=${(e: CustomEvent<number>) => (this.toasts = this.toasts.filter((t) => t.id !== e.detail))}
      ></app-toasts>
    `;
  }

  private renderRoute() {
    switch (this.route.view) {
      case 'reader':
        return this.settings
          ? html`<reader-view .documentId=${this.route.documentId} .settings=${this.settings}></reader-view>`
          : nothing;
      case 'trash':
        return html`<trash-view></trash-view>`;
      default:
        return html`<library-view .documents=${this.documents} .settings=${this.settings}></library-view>`;
    }
  }

  private async load(bridge: LecternBridge): Promise<void> {
    const [settings, info] = await Promise.all([bridge.getSettings(), bridge.getLibraryInfo()]).then(
      ([s, i]) => [unwrap(s), unwrap(i)] as const,
    );
    this.settings = settings;
    this.applyTheme();
    for (const notice of info.notices) this.toast(noticeToast(notice));
    await this.reloadDocuments();
  }

  /** Reloads the list; calls during a reload coalesce into one more reload. */
  private async reloadDocuments(): Promise<void> {
    if (!this.bridge) return;
    if (this.reloading) {
      this.reloadAgain = true;
      return this.reloading;
    }
    const bridge = this.bridge;
    this.reloading = (async () => {
      do {
        this.reloadAgain = false;
        this.documents = unwrap(await bridge.listDocuments());
      } while (this.reloadAgain);
    })();
    try {
      await this.reloading;
    } finally {
      this.reloading = null;
    }
  }

  private readonly applyTheme = (): void => {
    const theme = resolveTheme(this.settings?.theme ?? 'system', this.darkQuery.matches);
    document.documentElement.dataset['theme'] = theme;
  };

  /** Settings change optimistically; only the latest request's answer is kept. */
  private async changeSettings(patch: Partial<Settings>): Promise<void> {
    if (!this.bridge || !this.settings) return;
    this.settings = { ...this.settings, ...patch };
    this.applyTheme();
    const request = ++this.settingsRequest;
    const saved = await this.bridge.updateSettings(patch);
    if (request !== this.settingsRequest) return;
    if (!saved.ok) {
      this.toast({ kind: 'error', message: `Settings could not be saved: ${saved.message}` });
      return;
    }
    this.settings = saved.value;
    this.applyTheme();
  }

  private go(route: Route): void {
    if (this.route.view === 'library') this.libraryScroll = window.scrollY;
    const backToLibrary = route.view === 'library' && this.route.view !== 'library';
    this.route = route;
    if (route.view === 'reader') return;
    void this.updateComplete.then(() => {
      // The virtualized list needs a frame to size itself before the old offset exists again.
      requestAnimationFrame(() => window.scrollTo(0, backToLibrary ? this.libraryScroll : 0));
    });
  }

  private openDocument(documentId: DocumentId): void {
    this.go({ view: 'reader', documentId });
  }

  private toast(init: ToastInit): void {
    this.toasts = [...this.toasts, { ...init, id: this.nextToastId++ }];
  }

  private reportImport(report: ImportReport, refused: string[] = []): void {
    for (const message of summarizeImport(report, refused)) this.toast(message);
    void this.reloadDocuments();
  }

  private async chooseAndImport(): Promise<void> {
    const result = await this.bridge?.chooseAndImportFiles();
    if (result === undefined) return;
    if (!result.ok) this.toast({ kind: 'error', message: `Import failed: ${result.message}` });
    else if (result.value) this.reportImport(result.value);
  }

  private async importDropped({ files, refused }: DroppedFiles): Promise<void> {
    if (!this.bridge) return;
    const result: Result<ImportReport> =
      files.length > 0 ? await this.bridge.importFiles(files) : { ok: true, value: { outcomes: [] } };
    if (!result.ok) this.toast({ kind: 'error', message: `Import failed: ${result.message}` });
    else this.reportImport(result.value, refused);
  }

  /** In Electron the menu's accelerator imports; in a plain browser the shell does. */
  private readonly onKey = (event: KeyboardEvent): void => {
    const isOpen = (event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'o';
    if (!isOpen || navigator.userAgent.includes('Electron')) return;
    event.preventDefault();
    void this.chooseAndImport();
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'lectern-app': LecternApp;
  }
}
