/**
 * <import-highlights>: the library's "Import highlights…" button (beside the slotted count) and its dialog. Choose a file
 * (Kindle clippings, Hypothesis, W3C JSON-LD), see each book or page with the document it
 * matched, confirm look-alike titles, import, and read where every highlight went.
 */
import { LitElement, html, nothing } from 'lit';
import { consume } from '@lit/context';
import { customElement, query, state } from 'lit/decorators.js';
import type {
  AnnotationImportPreview,
  AnnotationImportReport,
  LecternBridge,
  PreviewGroup,
} from '../../preload/api';
import { call, failureToast } from '../app/calls';
import { importHighlightsStyles } from '../interop/import-styles';
import {
  groupName,
  groupOutcome,
  matchLabel,
  previewSummary,
  problemLine,
  reportSummary,
  waitingLine,
} from '../interop/import-texts';
import { bridgeContext } from '../lib/bridge-context';
import { LibraryEditedEvent, ToastEvent } from '../lib/events';
import { controlStyles } from '../styles/app-styles';
import { dialogStyles } from '../styles/app-dialog-styles';
import { icons } from '../styles/app-icons';

/** Problems listed in the dialog; the count says how many more there are. */
const SHOWN_PROBLEMS = 200;

/**
 * @fires toast - ToastEvent: a failure to read or import
 * @fires library-edited - highlights were added (counts in the library change)
 */
@customElement('import-highlights')
export class ImportHighlights extends LitElement {
  static override styles = [controlStyles, dialogStyles, importHighlightsStyles];

  @consume({ context: bridgeContext }) private bridge?: LecternBridge;
  @state() private preview: AnnotationImportPreview | null = null;
  @state() private report: AnnotationImportReport | null = null;
  /** Group keys the user chose to import (sure matches start chosen, look-alikes do not). */
  @state() private chosen = new Set<string>();
  /** Documents the reader picked for groups nothing matched, by group key. */
  @state() private picked = new Map<string, string>();
  /** The library's documents, for those picks (sorted by title). */
  @state() private documents: { id: string; title: string }[] = [];
  @state() private busy = false;
  @query('dialog') private dialog!: HTMLDialogElement;

  override render() {
    // The library's count comes in through the slot: the button sits beside it, out of the toolbar's room.
    return html`<div class="end">
        <slot></slot>
        <button
          class="btn ghost"
          title="Import highlights from Kindle, Hypothesis or a W3C annotation file"
          aria-busy=${String(this.busy)}
          @click=${() => void this.chooseFile()}
        >
          ${icons.highlight}Import highlights…
        </button>
      </div>
      <dialog aria-labelledby="import-heading" @close=${this.onClose}>
        <form method="dialog" @submit=${this.onSubmit} novalidate>
          ${this.report !== null ? this.renderReport(this.report) : this.preview !== null ? this.renderPreview(this.preview) : nothing}
        </form>
      </dialog>`;
  }

  private renderPreview(preview: AnnotationImportPreview) {
    const count = this.assignmentsOf(preview).reduce(
      (sum, { groupKey }) =>
        sum + (preview.groups.find(({ group }) => group.key === groupKey)?.group.annotations.length ?? 0),
      0,
    );
    return html`<h2 id="import-heading">Import highlights from ${preview.fileName}</h2>
      <p>${previewSummary(preview)}</p>
      <ul class="groups" aria-label="Books and pages in the file">
        ${preview.groups.map((group) => this.renderGroup(group))}
      </ul>
      ${this.renderProblems(preview.problems, 'could not be read')}
      <div class="actions">
        <button type="button" class="btn" @click=${() => this.dialog.close()}>Cancel</button>
        <button type="submit" class="btn primary" ?disabled=${count === 0 || this.busy}>
          Import ${count.toLocaleString('en')} highlight${count === 1 ? '' : 's'}
        </button>
      </div>`;
  }

  private renderGroup({ group, match }: PreviewGroup) {
    const name = groupName(group);
    const count = `${group.annotations.length.toLocaleString('en')} highlight${group.annotations.length === 1 ? '' : 's'}`;
    if (match === null) {
      return html`<li>
        <span class="none"
          ><strong>${name}</strong> · ${count}<br /><span class="target"
            >No document in the library matches: choose one, or it is kept in the report to import
            later.</span
          ><br /><select
            class="field"
            aria-label="Document for ${name}"
            @change=${(event: Event) => this.pick(group.key, (event.target as HTMLSelectElement).value)}
          >
            <option value="">Leave out</option>
            ${this.documents.map(
              (doc) =>
                html`<option value=${doc.id} ?selected=${this.picked.get(group.key) === doc.id}>
                  ${doc.title}
                </option>`,
            )}
          </select></span
        >
      </li>`;
    }
    const id = `group-${encodeURIComponent(group.key).replace(/%/gu, '_')}`;
    return html`<li>
      <input
        type="checkbox"
        id=${id}
        .checked=${this.chosen.has(group.key)}
        @change=${(event: Event) => this.toggle(group.key, (event.target as HTMLInputElement).checked)}
      />
      <label for=${id}>${name} · ${count}</label>
      <p class="target">
        into “${match.documentTitle}”<span class="badge ${match.needsConfirmation ? 'confirm' : ''}"
          >${matchLabel(match)}</span
        >
      </p>
    </li>`;
  }

  private renderReport(report: AnnotationImportReport) {
    return html`<h2 id="import-heading">Highlights imported</h2>
      <p role="status">${reportSummary(report)}</p>
      <ul class="groups" aria-label="Where the highlights went">
        ${report.groups.map(
          (group) =>
            html`<li>
              <span class="none"
                ><strong>${group.documentTitle}</strong><br /><span class="target outcome"
                  >${groupOutcome(group)}</span
                ></span
              >
            </li>`,
        )}
        ${report.unmatched.map(
          (group) =>
            html`<li>
              <span class="none"
                ><strong>${groupName(group)}</strong><br /><span class="target"
                  >${waitingLine(group.annotations.length)}</span
                ></span
              >
            </li>`,
        )}
      </ul>
      ${this.renderProblems(report.problems, 'were not imported')}
      <div class="actions">
        <button type="button" class="btn primary" @click=${() => this.dialog.close()}>Done</button>
      </div>`;
  }

  private renderProblems(problems: AnnotationImportPreview['problems'], what: string) {
    if (problems.length === 0) return nothing;
    const more = problems.length - SHOWN_PROBLEMS;
    return html`<details>
      <summary>
        ${problems.length.toLocaleString('en')} entr${problems.length === 1 ? 'y' : 'ies'} ${what}
      </summary>
      <ul>
        ${problems.slice(0, SHOWN_PROBLEMS).map((problem) => html`<li>${problemLine(problem)}</li>`)}
        ${more > 0 ? html`<li>… and ${more.toLocaleString('en')} more.</li>` : nothing}
      </ul>
    </details>`;
  }

  private get api(): LecternBridge {
    return this.bridge ?? window.lectern;
  }

  private pick(key: string, documentId: string): void {
    const next = new Map(this.picked);
    if (documentId === '') next.delete(key);
    else next.set(key, documentId);
    this.picked = next;
  }

  /** The groups to import: chosen matches and the reader's own picks. */
  private assignmentsOf(preview: AnnotationImportPreview): { groupKey: string; documentId: string }[] {
    return preview.groups.flatMap(({ group, match }) => {
      const documentId =
        match !== null && this.chosen.has(group.key) ? match.documentId : this.picked.get(group.key);
      return documentId === undefined ? [] : [{ groupKey: group.key, documentId }];
    });
  }

  private toggle(key: string, on: boolean): void {
    const next = new Set(this.chosen);
    if (on) next.add(key);
    else next.delete(key);
    this.chosen = next;
  }

  private async chooseFile(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    try {
      const preview = await call(this.api, 'previewAnnotationImport');
      if (!preview.ok)
        return void this.dispatchEvent(
          new ToastEvent(failureToast('Could not read the highlights', preview)),
        );
      if (preview.value === null) return;
      this.preview = preview.value;
      this.report = null;
      this.picked = new Map();
      // Only needed to pick a document for a group nothing matched; without it those stay unmatched.
      const listed = preview.value.groups.some(({ match }) => match === null)
        ? await call(this.api, 'listDocuments')
        : null;
      this.documents = listed?.ok
        ? listed.value
            .map(({ id, title }) => ({ id, title }))
            .toSorted((a, b) => a.title.localeCompare(b.title))
        : [];
      this.chosen = new Set(
        preview.value.groups
          .filter(({ match }) => match !== null && !match.needsConfirmation)
          .map(({ group }) => group.key),
      );
      await this.updateComplete;
      this.dialog.showModal();
    } finally {
      this.busy = false;
    }
  }

  private async onSubmit(event: SubmitEvent): Promise<void> {
    // The dialog stays open to show the report.
    event.preventDefault();
    const preview = this.preview;
    if (preview === null || this.busy) return;
    const assignments = this.assignmentsOf(preview);
    this.busy = true;
    try {
      const report = await call(this.api, 'importAnnotations', { importId: preview.importId, assignments });
      if (!report.ok)
        return void this.dispatchEvent(
          new ToastEvent(failureToast('Could not import the highlights', report)),
        );
      this.report = report.value;
      this.dispatchEvent(new LibraryEditedEvent());
    } finally {
      this.busy = false;
    }
  }

  private onClose(): void {
    this.preview = null;
    this.report = null;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'import-highlights': ImportHighlights;
  }
}
