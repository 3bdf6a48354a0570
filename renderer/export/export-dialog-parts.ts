/** Parts of the Export dialog: the format choices, the progress of a running export, and the report (the preview: export-preview.ts). */
import { html, nothing } from 'lit';
import {
  EXPORT_PRESETS,
  type ExportManyReport,
  type ExportPreset,
  type ExportTemplateChoice,
} from '../../preload/api';
import type { ExportStage } from './export-controller';
import { exportSummary, fileLine } from './export-report';

const PRESET_LABELS: Record<ExportPreset, string> = {
  obsidian: 'Obsidian (block ids, wikilinks, #tags)',
  logseq: 'Logseq (an outline, tags:: properties)',
  plain: 'Plain markdown',
  custom: 'My template (Mustache)',
};

/** The Format fieldset (a preset per radio), and the template's editor when it is the user's own. */
export function renderFormatChoices(
  { preset, template }: ExportTemplateChoice,
  choose: (preset: ExportPreset, template: string) => void,
) {
  return html`<fieldset>
      <legend>Format</legend>
      ${EXPORT_PRESETS.map(
        (p) =>
          html`<label class="choice"
            ><input
              type="radio"
              name="preset"
              .checked=${p === preset}
              @change=${() => choose(p, template)}
            />${PRESET_LABELS[p]}</label
          >`,
      )}
    </fieldset>
    ${
      preset === 'custom'
        ? html`<label for="template">Template</label>
            <textarea
              id="template"
              class="field"
              spellcheck="false"
              .value=${template}
              aria-describedby="template-help"
              @input=${(e: Event) => choose('custom', (e.target as HTMLTextAreaElement).value)}
            ></textarea>
            <p id="template-help" class="hint">
              Mustache: {{title}}, {{#highlights}}…{{/highlights}}, {{quote}}, {{note}}, {{tagList}} — see the
              README.
            </p>`
        : nothing
    }`;
}

/** A running export: how far, which title, a bar, and Cancel export. */
export function renderProgress(stage: Extract<ExportStage, { kind: 'running' }>, cancel: () => void) {
  const progress = stage.progress;
  const count =
    progress === null ? '' : ` ${Math.min(progress.done + 1, progress.total)} of ${progress.total}`;
  return html`<p role="status">${stage.cancelling ? 'Cancelling the export…' : `Exporting${count}…`}</p>
    ${progress?.current ? html`<div class="current" title=${progress.current}>${progress.current}</div>` : nothing}
    <progress
      aria-label="Files exported"
      max=${progress?.total ?? 1}
      .value=${progress?.done ?? 0}
      aria-valuetext="${progress?.done ?? 0} of ${progress?.total ?? 0} files"
    ></progress>
    <div class="actions">
      <button class="btn" ?disabled=${stage.cancelling || progress === null} @click=${cancel}>
        Cancel export
      </button>
    </div>`;
}

/** The report: the summary, then every file (and failure) in an expandable list. */
export function renderReport(report: ExportManyReport) {
  return html`<p class="summary" role="status">${exportSummary(report)}</p>
    <p class="hint">Into ${report.folder}</p>
    ${
      report.files.length + report.failures.length === 0
        ? nothing
        : html`<details
            ?open=${report.files.some((f) => f.outcome === 'conflicted') || report.failures.length > 0}
          >
            <summary>Files (${report.files.length + report.failures.length})</summary>
            <ul>
              ${report.files.map((file) => html`<li class="outcome-${file.outcome}">${fileLine(file)}</li>`)}
              ${report.failures.map((failure) => html`<li class="failure">${failure.title}: ${failure.message}</li>`)}
            </ul>
          </details>`
    }`;
}
