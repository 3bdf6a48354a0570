/**
 * The Export dialog's state and calls: the template choice and the live preview of what the
 * export would write (its files, one shown; debounced, the latest answer wins), the export of many
 * with its progress events and cancel, and the report. The dialog renders what this holds; only
 * this calls the bridge.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type {
  ExportManyPreview,
  ExportManyReport,
  ExportProgress,
  ExportScope,
  ExportTemplateChoice,
  LecternBridge,
} from '../../preload/api';
import { DEFAULT_CUSTOM_TEMPLATE } from '../../common/export/presets';
import { call, failureToast } from '../app/calls';
import type { ToastInit } from '../lib/events';

/** How long typing pauses before the preview is asked for. */
const PREVIEW_DELAY_MS = 250;

export type ExportStage =
  | { kind: 'choosing' }
  | { kind: 'running'; progress: ExportProgress | null; cancelling: boolean }
  | { kind: 'done'; report: ExportManyReport };

/**
 * Which files the preview shows: the export's scope, named as in `folder` (the last one exported
 * into, whose names an export there keeps); null while the scope is incomplete (no tag typed).
 */
export type PreviewTarget = { scope: ExportScope; includeNotes: boolean; folder?: string } | null;

export class ExportController implements ReactiveController {
  choice: ExportTemplateChoice = { preset: 'obsidian', template: DEFAULT_CUSTOM_TEMPLATE };
  /** The files the export would write and the one shown; null until the first answer. */
  preview: ExportManyPreview | null = null;
  /** A request is on its way (the shown file may be an older one). */
  previewLoading = false;
  private target: PreviewTarget = null;
  private fileIndex = 0;
  stage: ExportStage = { kind: 'choosing' };
  private previewTimer: ReturnType<typeof setTimeout> | undefined;
  private previewAsked = 0;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly bridge: () => LecternBridge,
    private readonly toast: (init: ToastInit) => void,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    clearTimeout(this.previewTimer);
  }

  /** Starts from the saved template choice, back at the choosing stage. */
  reset(saved: ExportTemplateChoice): void {
    this.choice = saved;
    this.stage = { kind: 'choosing' };
    this.host.requestUpdate();
  }

  /** A new preset or template text: the preview follows once typing pauses. */
  choose(choice: ExportTemplateChoice): void {
    this.choice = choice;
    this.host.requestUpdate();
    this.previewSoon();
  }

  /** Other documents in scope: the preview starts again at their first file once typing pauses. */
  retarget(target: PreviewTarget): void {
    this.target = target;
    this.fileIndex = 0;
    this.previewSoon();
  }

  /** Shows the export's file at `index` (0-based) now. */
  showFile(index: number): void {
    const last = Math.max(0, (this.preview?.files.length ?? 1) - 1);
    const wanted = Math.max(0, Math.min(index, last));
    if (wanted === this.fileIndex && this.previewLoading) return;
    this.fileIndex = wanted;
    void this.loadPreview();
  }

  /** The next (1) or previous (-1) file from the one asked for last, even before it arrives. */
  stepFile(delta: 1 | -1): void {
    this.showFile(this.fileIndex + delta);
  }

  /** Asks for the preview of `target` now (the dialog opened). */
  async open(target: PreviewTarget): Promise<void> {
    this.target = target;
    this.fileIndex = 0;
    this.preview = null;
    await this.loadPreview();
  }

  private previewSoon(): void {
    clearTimeout(this.previewTimer);
    this.previewTimer = setTimeout(() => void this.loadPreview(), PREVIEW_DELAY_MS);
  }

  private async loadPreview(): Promise<void> {
    clearTimeout(this.previewTimer);
    const asked = ++this.previewAsked;
    if (this.target === null) {
      this.preview = { files: [], index: 0, shown: null, bytes: null };
      this.previewLoading = false;
      return this.host.requestUpdate();
    }
    this.previewLoading = true;
    this.host.requestUpdate();
    const request = { ...this.target, choice: this.choice, index: this.fileIndex };
    const result = await call(this.bridge(), 'previewExportMany', request);
    // An older answer arriving late must not replace the preview of what is chosen now.
    if (asked !== this.previewAsked) return;
    this.previewLoading = false;
    if (!result.ok) this.toast(failureToast('Could not preview the export', result));
    else {
      this.preview = result.value;
      this.fileIndex = result.value.index;
    }
    this.host.requestUpdate();
  }

  /** Saves the template choice, then exports, following the progress until the report. */
  async run(scope: ExportScope, includeNotes: boolean, folder?: string): Promise<void> {
    const saved = await call(this.bridge(), 'updateSettings', {
      exportPreset: this.choice.preset,
      exportTemplate: this.choice.template,
    });
    if (!saved.ok) return this.toast(failureToast('Could not save the export template', saved));
    this.stage = { kind: 'running', progress: null, cancelling: false };
    this.host.requestUpdate();
    const unsubscribe = this.bridge().subscribe('exportProgress', (progress) => {
      if (this.stage.kind !== 'running') return;
      this.stage = { ...this.stage, progress };
      this.host.requestUpdate();
    });
    try {
      const result = await call(this.bridge(), 'exportMany', {
        scope,
        includeNotes,
        ...(folder ? { folder } : {}),
      });
      if (!result.ok) {
        this.toast(failureToast('Could not export', result));
        this.stage = { kind: 'choosing' };
      } else {
        this.stage = result.value === null ? { kind: 'choosing' } : { kind: 'done', report: result.value };
      }
    } finally {
      unsubscribe();
      this.host.requestUpdate();
    }
  }

  /** Stops the running export before its next file. */
  async cancel(): Promise<void> {
    if (this.stage.kind !== 'running' || this.stage.progress === null) return;
    const { exportId } = this.stage.progress;
    this.stage = { ...this.stage, cancelling: true };
    this.host.requestUpdate();
    const result = await call(this.bridge(), 'cancelExport', exportId);
    if (!result.ok) this.toast(failureToast('Could not cancel the export', result));
  }
}
