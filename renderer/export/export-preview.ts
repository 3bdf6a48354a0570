/**
 * The Export dialog's preview column: what the export would write. Its files (a "File 2 of 14"
 * switcher: Previous, a list to jump to any file, Next) and the shown file's text exactly as
 * written, named as in the folder of the last export (or a new folder), with its size. The text is
 * shown as text, never rendered as HTML.
 */
import { html, nothing } from 'lit';
import type { ExportManyPreview } from '../../preload/api';

/** What the preview column needs besides the preview itself. */
export interface PreviewView {
  loading: boolean;
  /** Why there is nothing to preview yet (a tag scope with no tag typed), or null. */
  incomplete: string | null;
  /** The folder whose earlier export names the files (the last one exported into), or null: a new folder. */
  folder: string | null;
  showFile: (index: number) => void;
  stepFile: (delta: 1 | -1) => void;
}

/** The folder's own name, without its parents (either separator: the core may run on Windows). */
const folderName = (folder: string): string =>
  folder.split(/[\\/]/).findLast((part) => part !== '') ?? folder;

/** `1.2 KB`, `830 bytes`: the size a file manager would show. */
export function sizeLabel(bytes: number): string {
  if (bytes < 1000) return `${bytes} byte${bytes === 1 ? '' : 's'}`;
  if (bytes < 1_000_000) return `${(bytes / 1000).toFixed(1)} KB`;
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}

/** The preview column: the files' switcher, the shown file's position and size, its text or the template's error. */
export function renderPreview(preview: ExportManyPreview | null, view: PreviewView) {
  const files = preview?.files ?? [];
  const empty =
    view.incomplete ??
    (preview !== null && files.length === 0
      ? 'No document is in this choice: nothing would be written.'
      : null);
  return html`<div class="preview">
    <div class="preview-head">
      <span id="preview-label" class="label">Preview</span>
      ${files.length > 1 && empty === null ? renderSwitcher(preview as ExportManyPreview, view) : nothing}
    </div>
    ${
      view.folder !== null && empty === null
        ? html`<p class="hint">Files named as in “${folderName(view.folder)}”, where you exported last.</p>`
        : nothing
    }
    ${empty !== null ? html`<pre class="empty">${empty}</pre>` : renderShown(preview, view.loading)}
  </div>`;
}

/** Previous and Next stay focusable at the ends (aria-disabled): a disabled button would drop the focus. */
function renderSwitcher(preview: ExportManyPreview, view: PreviewView) {
  const { files, index } = preview;
  return html`<div class="switcher">
    <button
      class="btn icon"
      aria-label="Previous file"
      title="Previous file"
      aria-disabled=${String(index === 0)}
      @click=${() => view.stepFile(-1)}
    >
      ‹
    </button>
    <select
      class="field"
      aria-label="File to preview"
      @change=${(e: Event) => view.showFile(Number((e.target as HTMLSelectElement).value))}
    >
      ${files.map(
        (file, n) =>
          html`<option value=${n} ?selected=${n === index}>
            ${file.kind === 'note' ? `Note: ${file.fileName}` : file.fileName}
          </option>`,
      )}
    </select>
    <button
      class="btn icon"
      aria-label="Next file"
      title="Next file"
      aria-disabled=${String(index >= files.length - 1)}
      @click=${() => view.stepFile(1)}
    >
      ›
    </button>
  </div>`;
}

function renderShown(preview: ExportManyPreview | null, loading: boolean) {
  const file = preview?.files[preview.index];
  const shown = preview?.shown ?? null;
  const size = preview?.bytes === null || preview?.bytes === undefined ? '' : `, ${sizeLabel(preview.bytes)}`;
  const position =
    file === undefined
      ? ''
      : `File ${(preview?.index ?? 0) + 1} of ${preview?.files.length}: ${file.fileName}${size}`;
  return html`<p id="preview-file" class="hint file" aria-live="polite">${position}</p>
    ${
      shown?.kind === 'template-error'
        ? html`<p class="error" role="alert">Template error on line ${shown.line}: ${shown.message}.</p>`
        : nothing
    }
    <pre
      tabindex="0"
      aria-labelledby="preview-label preview-file"
      aria-busy=${String(loading || preview === null)}
    >
${shown?.kind === 'markdown' ? shown.markdown : preview === null ? 'Loading…' : ''}</pre>`;
}
