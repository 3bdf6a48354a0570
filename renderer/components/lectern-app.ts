/**
 * The application shell: loads settings and the library, applies the theme, routes between
 * the library, the trash and the reader, imports (button, Ctrl/Cmd+O, drop, menu) and owns
 * the toasts, including those for library notices and for errors nothing else caught. It is
 * the only component that listens to the bridge's events.
 */
import { LitElement, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { ContextProvider } from '@lit/context';
import type { ImportReport, LecternBridge, Settings } from '../../preload/api';
import { call, failureToast, type CallFailure } from '../app/calls';
import { ImportRunner } from '../app/import-runner';
import { LibraryListController } from '../app/library-list';
import { OptimisticSettings } from '../app/optimistic-settings';
import { reportUncaughtErrors } from '../app/uncaught-errors';
import { RegionCycle } from '../app/region-cycle';
import { LibraryNotices } from '../app/library-notices';
import { ShellNavigation } from '../app/shell-navigation';
import { shellStyles } from '../styles/shell-styles';
import { bridgeContext } from '../lib/bridge-context';
import type { Toast, ToastInit } from '../lib/events';
import { summarizeImport } from '../lib/import-summary';
import { resolveTheme } from '../lib/theme';
import type { FilesDroppedEvent } from './app-drop-zone';
import type { ToastDismissEvent } from './app-toasts';
import './app-drop-zone';
import './app-load-error';
import './app-toasts';
import './import-progress';
import './library-view';
import './reader-view';
import { TagList, tagListContext } from '../tags/tag-list';
import { installLinks } from '../links/install';
import { followOpenRequests } from '../app/open-requests';
import { renderSecondaryView } from '../app/secondary-views';
import './shortcut-sheet';
import './search-palette';
import { isShortcutSheetKey } from '../app/shortcuts';
import { isTypingTarget } from './library-toolbar';

@customElement('lectern-app')
export class LecternApp extends LitElement {
  static override styles = shellStyles;

  private readonly bridge: LecternBridge | undefined = window.lectern;
  /** Hands the bridge to the views (library, trash, reader) without them reading the global. */
  protected readonly bridgeProvider = this.bridge
    ? new ContextProvider(this, { context: bridgeContext, initialValue: this.bridge })
    : null;
  /** The library's tags for tag inputs, the tag manager and the tag filter; refreshed on tagsChanged. */
  private readonly tagList = this.bridge ? new TagList(this.bridge, (init) => this.toast(init)) : null;
  protected readonly tagListProvider = this.tagList
    ? new ContextProvider(this, { context: tagListContext, initialValue: this.tagList })
    : null;
  private readonly library = this.bridge
    ? new LibraryListController(this, this.bridge, (init) => this.toast(init))
    : null;
  /** The library's notices, each shown once; dismissing one clears it for good. */
  private readonly notices = this.bridge ? new LibraryNotices(this.bridge, (init) => this.toast(init)) : null;
  /** Imports of many files: calls, progress and cancel. */
  private readonly imports = this.bridge
    ? new ImportRunner(
        this,
        this.bridge,
        (init) => this.toast(init),
        (report, refused) => this.reportImport(report, refused),
      )
    : null;
  @state() private settings: Settings | null = null;
  /** Settings could not be loaded at start: nothing can be shown but Retry. */
  @state() private startFailure: CallFailure | null = null;
  @state() private toasts: Toast[] = [];
  /** Bumped on `notesChanged`: the Notes view reloads its list. */
  @state() private notesVersion = 0;
  /** Bumped when documents, tags or notes change: the highlights workspace loads again. */
  @state() private workspaceVersion = 0;
  @state() private shortcutsOpen = false;

  private readonly darkQuery = window.matchMedia('(prefers-color-scheme: dark)');
  private readonly unsubscribes: Array<() => void> = [];
  private nextToastId = 1;
  /** The settings shown while changes are being stored (null until loaded). */
  private settingsDraft: OptimisticSettings | null = null;
  /** The route, what the live region says on a move, and where the reader's Back returns. */
  private readonly nav = new ShellNavigation(this);
  private readonly regions = new RegionCycle();

  constructor() {
    super();
    if (this.bridge) installLinks(this.bridge);
    const nav = this.nav;
    this.addEventListener('open-document', (e) => nav.go({ view: 'reader', documentId: e.documentId }));
    this.addEventListener('navigate', (e) =>
      nav.go(e.view === 'notes' ? { view: 'notes', noteId: null } : { view: e.view }),
    );
    this.addEventListener('open-note', (e) => nav.go({ view: 'notes', noteId: e.noteId }));
    this.addEventListener('open-link', (e) => nav.follow(e.link));
    // The reader fires this once its last position save has been stored: the list is fresh then.
    this.addEventListener('reader-close', (e) => {
      nav.leaveReader(e.to);
      void this.library?.reload();
    });
    this.addEventListener('import-request', () => void this.chooseAndImport());
    this.addEventListener('library-edited', () => void this.library?.reload());
    this.addEventListener('toast', (e) => this.toast(e.toast));
    this.addEventListener('settings-change', (e) => void this.changeSettings(e.patch));
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.darkQuery.addEventListener('change', this.applyTheme);
    window.addEventListener('keydown', this.onKey);
    this.unsubscribes.push(reportUncaughtErrors(window, (init) => this.toast(init)));
    if (!this.bridge) return;
    this.unsubscribes.push(
      this.bridge.subscribe('libraryChanged', () => {
        void this.library?.reload();
        this.workspaceVersion++;
      }),
      this.bridge.subscribe('libraryNotice', (notice) => this.notices?.show(notice)),
      this.bridge.subscribe('notesChanged', () => this.notesVersion++),
      this.bridge.subscribe('importFinished', (report) => this.reportImport(report)),
      this.bridge.subscribe('importProgress', (progress) => this.imports?.onProgress(progress)),
      // A rename or merge changes the tags shown on rows: the list and the tag list load again.
      this.bridge.subscribe('tagsChanged', () => {
        this.workspaceVersion++;
        void this.tagList?.refresh();
        void this.library?.reload(true);
      }),
      this.bridge.subscribe('menuCommand', (command) => {
        // An open reader answers this itself (it saves, then fires reader-close).
        if (command === 'show-library' && this.nav.route.view !== 'reader') this.nav.go({ view: 'library' });
      }),
    );
    this.unsubscribes.push(
      followOpenRequests(
        this.bridge,
        (link) => this.nav.follow(link),
        (init) => this.toast(init),
      ),
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
      <import-progress
        .progress=${this.imports?.view ?? null}
        @import-cancel=${() => void this.imports?.cancel()}
      ></import-progress>
      <app-drop-zone
        @import-near=${() => void this.imports?.prepare()}
        @files-dropped=${(e: FilesDroppedEvent) => void this.imports?.importDropped(e.dropped)}
      ></app-drop-zone>
      <app-toasts
        .toasts=${this.toasts}
        @toast-dismiss=${(e: ToastDismissEvent) => (this.toasts = this.toasts.filter((t) => t.id !== e.toastId))}
      ></app-toasts>
      <div class="announcer" role="status" aria-live="polite">${this.nav.announcement}</div>
      <shortcut-sheet
        .open=${this.shortcutsOpen}
        @sheet-close=${() => (this.shortcutsOpen = false)}
      ></shortcut-sheet>
      <search-palette></search-palette>
    `;
  }

  private renderRoute() {
    if (this.startFailure) {
      return html`<app-load-error
        heading="Lectern could not load your settings"
        reason=${this.startFailure.message}
        code=${this.startFailure.code}
        @retry-load=${() => this.bridge && void this.load(this.bridge)}
      ></app-load-error>`;
    }
    const { settings, workspaceVersion, notesVersion } = this;
    const { route, workspaceResume } = this.nav;
    const shown = { settings, workspaceVersion, notesVersion, workspaceResume };
    const secondary = renderSecondaryView(route, shown);
    if (secondary !== null) return secondary;
    switch (route.view) {
      case 'reader':
        return this.settings
          ? html`<reader-view
              .documentId=${route.documentId}
              .settings=${this.settings}
              .backTo=${this.nav.backLabel}
            ></reader-view>`
          : nothing;
      default:
        return html`<library-view
          .list=${this.library}
          .listVersion=${this.library?.version ?? 0}
          .failure=${this.library?.failure ?? null}
          .settings=${this.settings}
          @retry-load=${() => void this.library?.reload()}
        ></library-view>`;
    }
  }

  private async load(bridge: LecternBridge): Promise<void> {
    this.startFailure = null;
    const [settings, info] = await Promise.all([call(bridge, 'getSettings'), call(bridge, 'getLibraryInfo')]);
    if (!settings.ok) {
      this.startFailure = settings;
      return;
    }
    this.settingsDraft = new OptimisticSettings(settings.value);
    this.showSettings(this.settingsDraft);
    if (info.ok) for (const notice of info.value.notices) this.notices?.show(notice);
    else this.toast(failureToast('Could not read the library’s notices', info));
    // The library view asks for its first window once it knows the sort (from these settings).
  }

  private readonly applyTheme = (): void => {
    const theme = resolveTheme(this.settings?.theme ?? 'system', this.darkQuery.matches);
    document.documentElement.dataset['theme'] = theme;
  };

  /** Settings change at once and roll back, with a message, if storing fails. */
  private async changeSettings(patch: Partial<Settings>): Promise<void> {
    const draft = this.settingsDraft;
    if (!this.bridge || !draft) return;
    const request = draft.begin(patch);
    this.showSettings(draft);
    const saved = await call(this.bridge, 'updateSettings', patch);
    draft.settle(request, saved.ok ? saved.value : null);
    if (!saved.ok) this.toast(failureToast('Could not save the settings; they are back as they were', saved));
    this.showSettings(draft);
  }

  private showSettings(draft: OptimisticSettings): void {
    this.settings = draft.current;
    this.applyTheme();
  }

  private toast(init: ToastInit): void {
    this.toasts = [...this.toasts, { ...init, id: this.nextToastId++ }];
  }

  private reportImport(report: ImportReport, refused: readonly string[] = []): void {
    for (const message of summarizeImport(report, refused)) this.toast(message);
    void this.library?.reload();
  }

  private chooseAndImport(): Promise<void> {
    return this.imports?.chooseAndImport() ?? Promise.resolve();
  }

  /** `?` / Ctrl+/ show the shortcuts; in Electron the menu's accelerator imports, in a plain browser the shell does. */
  private readonly onKey = (event: KeyboardEvent): void => {
    if (!event.defaultPrevented && isShortcutSheetKey(event, isTypingTarget(event))) {
      event.preventDefault();
      this.shortcutsOpen = true;
      return;
    }
    if (event.key === 'F6' && !event.ctrlKey && !event.metaKey && !event.altKey)
      return this.regions.cycle(event, this.renderRoot.querySelector('app-toasts'));
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
