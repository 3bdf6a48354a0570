/**
 * <export-dialog>: exports many documents at once. Choose which (all, with a tag, with a
 * colour), whether the standalone notes come too, and the format (a preset or your own Mustache
 * template), previewed live as the files the export would write, any of them shown; then a
 * progress view that can be cancelled, then the report, each file's outcome in an expandable list.
 */
import { LitElement, html, nothing } from 'lit';
import { consume } from '@lit/context';
import { customElement, query, state } from 'lit/decorators.js';
import {
  HIGHLIGHT_COLORS,
  type ExportPreset,
  type ExportScope,
  type HighlightColor,
  type LecternBridge,
  type Settings,
} from '../../preload/api';
import { DEFAULT_CUSTOM_TEMPLATE } from '../../common/export/presets';
import { ExportController, type PreviewTarget } from '../export/export-controller';
import { exportDialogStyles } from '../export/export-dialog-styles';
import { ExportDialogCloseEvent, ExportRequestEvent } from '../export/export-events';
import { renderFormatChoices, renderProgress, renderReport } from '../export/export-dialog-parts';
import { renderPreview } from '../export/export-preview';
import { bridgeContext } from '../lib/bridge-context';
import { ToastEvent } from '../lib/events';
import { call, failureToast } from '../app/calls';
import { controlStyles } from '../styles/app-styles';
import { dialogStyles } from '../styles/app-dialog-styles';

type ScopeKind = 'all' | 'tag' | 'color';

/** @fires export-dialog-close - the dialog closed; toast - a failure to preview, save or export */
@customElement('export-dialog')
export class ExportDialog extends LitElement {
  static override styles = [controlStyles, dialogStyles, exportDialogStyles];

  /** Opened by the library toolbar's ExportRequestEvent, closed by the dialog itself. */
  @state() private open = false;
  @consume({ context: bridgeContext }) private bridge?: LecternBridge;

  @state() private scopeKind: ScopeKind = 'all';
  @state() private tag = '';
  @state() private color: HighlightColor = 'yellow';
  @state() private includeNotes = true;
  @state() private scopeError = '';
  /** Read when the dialog opens: the saved template choice and what each colour means. */
  @state() private settings: Settings | null = null;
  /** The folder of the last export: "Export again" writes there without a dialog. */
  private lastFolder: string | undefined;
  @query('dialog') private dialog!: HTMLDialogElement;

  private readonly exporter = new ExportController(
    this,
    () => this.api,
    (toast) => this.dispatchEvent(new ToastEvent(toast)),
  );

  override render() {
    const stage = this.exporter.stage;
    return html`<dialog aria-labelledby="export-heading" @cancel=${this.onCancel} @close=${this.onClose}>
      <h2 id="export-heading">Export notes</h2>
      ${
        stage.kind === 'running'
          ? renderProgress(stage, () => void this.exporter.cancel())
          : stage.kind === 'done'
            ? renderReport(stage.report)
            : this.renderChoices()
      }
      <div class="actions">${this.renderActions()}</div>
    </dialog>`;
  }

  private renderChoices() {
    return html`<p>
        One markdown file per document, in a folder you choose. Exporting again updates Lectern’s part of each
        file and keeps what you wrote.
      </p>
      <div class="columns">
        <div>
          <fieldset>
            <legend>Documents</legend>
            ${this.renderScope('all', 'All documents')}
            ${this.renderScope(
              'tag',
              'With the tag',
              html`<input
                class="field"
                aria-label="Tag"
                .value=${this.tag}
                placeholder="e.g. novels"
                @input=${this.onTagInput}
              />`,
            )}
            ${this.renderScope(
              'color',
              'With highlights in',
              html`<select class="field" aria-label="Colour" @change=${this.onColorChange}>
                ${HIGHLIGHT_COLORS.map((c) => html`<option value=${c} ?selected=${c === this.color}>${this.colorName(c)}</option>`)}
              </select>`,
            )}
            ${this.scopeError ? html`<p class="error" role="alert">${this.scopeError}</p>` : nothing}
            <label class="choice"
              ><input
                type="checkbox"
                .checked=${this.includeNotes}
                @change=${this.onIncludeNotesChange}
              />Include standalone notes</label
            >
          </fieldset>
          ${renderFormatChoices(this.exporter.choice, (preset, text) => this.choose(preset, text))}
        </div>
        ${
          this.open
            ? renderPreview(this.exporter.preview, {
                loading: this.exporter.previewLoading,
                incomplete: this.scope() === null ? 'Type a tag to see the files it exports.' : null,
                folder: this.lastFolder ?? null,
                showFile: (index) => this.exporter.showFile(index),
                stepFile: (delta) => this.exporter.stepFile(delta),
              })
            : nothing
        }
      </div>`;
  }

  private renderScope(kind: ScopeKind, label: string, extra: unknown = nothing) {
    return html`<div class="choice">
      <label class="choice"
        ><input
          type="radio"
          name="scope"
          .checked=${this.scopeKind === kind}
          @change=${() => this.chooseScope(kind)}
        />${label}</label
      >${extra}
    </div>`;
  }

  private renderActions() {
    const stage = this.exporter.stage;
    if (stage.kind === 'running') return nothing;
    if (stage.kind === 'done')
      return html`<button class="btn" @click=${() => this.start(this.lastFolder)}>Export again</button>
        <button class="btn primary" @click=${this.close}>Close</button>`;
    const broken = this.exporter.preview?.shown?.kind === 'template-error';
    return html`<button class="btn" @click=${this.close}>Cancel</button>
      ${
        this.lastFolder
          ? html`<button class="btn" ?disabled=${broken} @click=${() => this.start(this.lastFolder)}>
              Export again
            </button>`
          : nothing
      }
      <button class="btn primary" ?disabled=${broken} @click=${() => this.start()}>Export…</button>`;
  }

  private chooseScope(kind: ScopeKind): void {
    this.scopeKind = kind;
    this.scopeError = '';
    this.exporter.retarget(this.previewTarget());
  }

  /** Typing a tag chooses the tag scope. */
  private onTagInput(event: Event): void {
    this.tag = (event.target as HTMLInputElement).value;
    this.chooseScope('tag');
  }

  /** Picking a colour chooses the colour scope. */
  private onColorChange(event: Event): void {
    this.color = (event.target as HTMLSelectElement).value as HighlightColor;
    this.chooseScope('color');
  }

  private onIncludeNotesChange(event: Event): void {
    this.includeNotes = (event.target as HTMLInputElement).checked;
    this.exporter.retarget(this.previewTarget());
  }

  /** The files the preview lists: those the export would write now. */
  private previewTarget(): PreviewTarget {
    const scope = this.scope();
    if (scope === null) return null;
    // Exporting there again keeps the names it gave: the preview names the files the same way.
    return {
      scope,
      includeNotes: this.includeNotes,
      ...(this.lastFolder ? { folder: this.lastFolder } : {}),
    };
  }

  private colorName(color: HighlightColor): string {
    const meaning = this.settings?.highlightLabels[color] ?? '';
    return meaning === '' ? color : `${color} (${meaning})`;
  }

  private choose(preset: ExportPreset, template: string): void {
    this.exporter.choose({ preset, template });
  }

  private scope(): ExportScope | null {
    if (this.scopeKind === 'all') return { kind: 'all' };
    if (this.scopeKind === 'color') return { kind: 'color', color: this.color };
    return this.tag.trim() === '' ? null : { kind: 'tag', tag: this.tag.trim() };
  }

  private async start(folder?: string): Promise<void> {
    const scope = this.scope();
    if (scope === null) return void (this.scopeError = 'Type the tag whose documents to export.');
    await this.exporter.run(scope, this.includeNotes, folder);
    if (this.exporter.stage.kind === 'done') this.lastFolder = this.exporter.stage.report.folder;
  }

  override updated(changed: Map<string, unknown>): void {
    if (!changed.has('open')) return;
    if (this.open && !this.dialog.open) {
      const saved = {
        preset: this.settings?.exportPreset ?? 'obsidian',
        template: this.settings?.exportTemplate ?? DEFAULT_CUSTOM_TEMPLATE,
      };
      this.exporter.reset(saved);
      this.dialog.showModal();
      void this.exporter.open(this.previewTarget());
    } else if (!this.open && this.dialog.open) this.dialog.close();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // The toolbar beside this dialog asks for it; its event crosses this root on its way up.
    this.listenRoot = this.getRootNode();
    this.listenRoot.addEventListener(ExportRequestEvent.eventName, this.onExportRequest);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.listenRoot?.removeEventListener(ExportRequestEvent.eventName, this.onExportRequest);
  }

  private listenRoot: Node | null = null;
  private readonly onExportRequest = (): void => void this.openDialog();
  private readonly openDialog = async (): Promise<void> => {
    const settings = await call(this.api, 'getSettings');
    if (!settings.ok)
      return void this.dispatchEvent(
        new ToastEvent(failureToast('Could not open the Export dialog', settings)),
      );
    this.settings = settings.value;
    this.open = true;
  };

  private get api(): LecternBridge {
    return this.bridge ?? window.lectern;
  }

  private readonly close = (): void => {
    this.open = false;
    this.dispatchEvent(new ExportDialogCloseEvent());
  };

  /** Esc while an export runs does not hide it: Cancel export stops it first. */
  private onCancel(event: Event): void {
    event.preventDefault();
    if (this.exporter.stage.kind !== 'running') this.close();
  }

  private onClose(): void {
    if (this.open) this.close();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'export-dialog': ExportDialog;
  }
}
