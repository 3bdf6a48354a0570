/**
 * <tag-manager-view>: every tag as a tree with its counts; rename (children follow), merge into
 * another tag, delete — each at once everywhere, with an Undo toast. Reached from the library.
 */
import { consume } from '@lit/context';
import { LitElement, html, nothing } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import type { LecternBridge, TagChange } from '../../preload/api';
import { call, failureToast } from '../app/calls';
import { bridgeContext } from '../lib/bridge-context';
import { NavigateEvent, ToastEvent } from '../lib/events';
import { controlStyles } from '../styles/app-styles';
import { dialogStyles } from '../styles/app-dialog-styles';
import { icons } from '../styles/app-icons';
import { type TagList, tagListContext } from '../tags/tag-list';
import { describeUses, tagTree } from '../tags/tag-tree';
import { tagManagerStyles } from '../tags/tag-manager-styles';

type Editing = { kind: 'rename' | 'merge'; name: string } | null;

/** @fires navigate, toast */
@customElement('tag-manager-view')
export class TagManagerView extends LitElement {
  static override styles = [controlStyles, dialogStyles, tagManagerStyles];

  @consume({ context: bridgeContext }) private bridge?: LecternBridge;
  @consume({ context: tagListContext, subscribe: true }) private tagList?: TagList;
  @state() private editing: Editing = null;
  @state() private error = '';
  @state() private loaded = false;
  @query('dialog') private dialog!: HTMLDialogElement;
  @query('#target') private input!: HTMLInputElement;
  private unsubscribe: (() => void) | null = null;
  private readonly locale = navigator.language || 'en-US';

  override connectedCallback(): void {
    super.connectedCallback();
    void this.updateComplete.then(() => {
      this.unsubscribe = this.tagList?.subscribe(() => this.requestUpdate()) ?? null;
      void this.tagList?.refresh().then(() => (this.loaded = true));
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unsubscribe?.();
  }

  override render() {
    return html`
      <header>
        <div class="bar">
          <button class="btn ghost" @click=${() => this.dispatchEvent(new NavigateEvent('library'))}>
            ${icons.back}Back to library
          </button>
        </div>
      </header>
      <main>
        <h1>Tags</h1>
        <p class="lede">
          Renaming a tag renames its children too, everywhere at once. Every change can be undone.
        </p>
        ${this.renderTree()}
      </main>
      ${this.renderDialog()}
    `;
  }

  private renderTree() {
    const tags = this.tagList?.all ?? [];
    if (!this.loaded && tags.length === 0) return html`<p class="lede" aria-busy="true">Loading…</p>`;
    if (tags.length === 0) {
      return html`<div class="empty">
        <div class="art" aria-hidden="true">${icons.tag}</div>
        <p>No tags yet</p>
        <p class="hint">Select a highlight and press T, or edit a document’s tags in the library.</p>
      </div>`;
    }
    return html`<ul class="tree" aria-label="Tags">
      ${tagTree(tags).map(
        (row) =>
          html`<li style="--depth: ${row.depth}">
            <span class="name">${row.name.split('/').at(-1)}</span>
            <span class="uses">${row.info ? describeUses(row.info, this.locale) : 'group'}</span>
            <span class="tag-actions">
              <button
                class="btn ghost"
                aria-label="Rename tag ${row.name}"
                @click=${() => this.edit('rename', row.name)}
              >
                Rename
              </button>
              <button
                class="btn ghost"
                aria-label="Merge tag ${row.name}"
                @click=${() => this.edit('merge', row.name)}
              >
                Merge…
              </button>
              <button
                class="btn ghost delete"
                aria-label="Delete tag ${row.name}"
                @click=${() => this.deleteTag(row.name)}
              >
                Delete
              </button>
            </span>
          </li>`,
      )}
    </ul>`;
  }

  private renderDialog() {
    const editing = this.editing;
    const heading = editing ? `${editing.kind === 'rename' ? 'Rename' : 'Merge'} tag “${editing.name}”` : '';
    return html`<dialog aria-label=${heading} @close=${() => (this.editing = null)}>
      <form method="dialog" novalidate @submit=${this.onSubmit}>
        <h2>${heading}</h2>
        <label for="target">${editing?.kind === 'merge' ? 'Merge into' : 'New name'}</label>
        <input
          id="target"
          class="field"
          list="known"
          autocomplete="off"
          spellcheck="false"
          @input=${() => (this.error = '')}
        />
        <datalist id="known">
          ${editing?.kind === 'merge' ? (this.tagList?.all ?? []).map((tag) => html`<option value=${tag.name}></option>`) : nothing}
        </datalist>
        ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
        <div class="actions">
          <button type="button" class="btn" @click=${() => this.dialog.close()}>Cancel</button>
          <button type="submit" class="btn primary">${editing?.kind === 'merge' ? 'Merge' : 'Rename'}</button>
        </div>
      </form>
    </dialog>`;
  }

  private async edit(kind: 'rename' | 'merge', name: string): Promise<void> {
    this.editing = { kind, name };
    this.error = '';
    await this.updateComplete;
    this.input.value = kind === 'rename' ? name : '';
    this.dialog.showModal();
    this.input.select();
  }

  private async onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const editing = this.editing;
    const target = this.input.value.trim();
    if (!editing || !this.bridge) return;
    if (target === '') {
      this.error = editing.kind === 'merge' ? 'Name the tag to merge into.' : 'A tag cannot be empty.';
      return;
    }
    const method = editing.kind === 'rename' ? 'renameTag' : 'mergeTags';
    const changed = await call(this.bridge, method, editing.name, target);
    if (!changed.ok) {
      this.error = changed.message;
      return;
    }
    this.dialog.close();
    this.announce(changed.value);
  }

  private async deleteTag(name: string): Promise<void> {
    if (!this.bridge) return;
    const deleted = await call(this.bridge, 'deleteTag', name);
    if (!deleted.ok)
      this.dispatchEvent(new ToastEvent(failureToast(`Could not delete the tag “${name}”`, deleted)));
    else this.announce(deleted.value);
  }

  /** The toast after a change, with Undo; the list follows through tagsChanged. */
  private announce(change: TagChange): void {
    const { documents, highlights, notes } = change.counts;
    const where = describeUses({ name: change.from, documents, highlights, notes }, this.locale);
    const verb =
      change.kind === 'rename'
        ? `Renamed “${change.from}” to “${change.to}”`
        : change.kind === 'merge'
          ? `Merged “${change.from}” into “${change.to}”`
          : `Deleted the tag “${change.from}”`;
    void this.tagList?.refresh();
    this.dispatchEvent(
      new ToastEvent({
        kind: 'success',
        message: `${verb} (${where})`,
        action: { label: 'Undo', run: () => void this.undo(change) },
      }),
    );
  }

  private async undo(change: TagChange): Promise<void> {
    if (!this.bridge) return;
    const undone = await call(this.bridge, 'undoTagChange', change.id);
    if (!undone.ok) this.dispatchEvent(new ToastEvent(failureToast('Could not undo the tag change', undone)));
    void this.tagList?.refresh();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tag-manager-view': TagManagerView;
  }
}
