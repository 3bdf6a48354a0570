/**
 * Import by drag and drop: while files are dragged over the window a full-window overlay says
 * "Drop to import"; dropped files, and the files Lectern imports inside dropped folders, are read
 * into memory (over their format's limit refused unread) and handed up. Every file drag is
 * cancelled so the window never navigates to a dropped file.
 */
import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { FileToImport } from '../../preload/api';
import { IMPORT_DIALOG_FILTER_NAME, maxImportBytesOf, tooLargeMessage } from '../../common/formats';
import { droppedFiles } from '../app/dropped-folders';
import { icons } from '../styles/app-icons';

export interface DroppedFiles {
  files: FileToImport[];
  /** Messages for files refused before reading (too large, unreadable). */
  refused: string[];
}

const carriesFiles = (event: DragEvent): boolean => event.dataTransfer?.types.includes('Files') ?? false;

/**
 * @fires import-near - files are dragged over the window (the core can get ready to convert them)
 * @fires files-dropped - FilesDroppedEvent
 */
@customElement('app-drop-zone')
export class AppDropZone extends LitElement {
  static override styles = css`
    * {
      box-sizing: border-box;
    }
    .overlay {
      position: fixed;
      inset: 0;
      z-index: 100;
      display: grid;
      place-items: center;
      padding: var(--space-5);
      background: color-mix(in srgb, var(--bg) 82%, transparent);
      backdrop-filter: blur(6px);
      pointer-events: none;
      animation: fade 140ms var(--ease);
    }
    .target {
      display: grid;
      place-items: center;
      gap: var(--space-3);
      width: 100%;
      height: 100%;
      border: 2px dashed color-mix(in srgb, var(--accent) 70%, transparent);
      border-radius: var(--radius-lg);
      color: var(--fg);
      font-family: var(--font-serif);
      font-size: 1.75rem;
      font-weight: 600;
      align-content: center;
    }
    .target svg {
      width: 48px;
      height: 48px;
      color: var(--accent);
    }
    .target small {
      font-family: var(--font-ui);
      font-size: 0.9375rem;
      font-weight: 400;
      color: var(--fg-muted);
    }
    @keyframes fade {
      from {
        opacity: 0;
      }
    }
    @media (prefers-reduced-motion: reduce) {
      .overlay {
        animation: none;
      }
    }
  `;

  @state() private active = false;
  /** dragenter/dragleave fire for every element crossed; count them to know when we left. */
  private depth = 0;

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('dragenter', this.onEnter);
    window.addEventListener('dragover', this.onOver);
    window.addEventListener('dragleave', this.onLeave);
    window.addEventListener('drop', this.onDrop);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('dragenter', this.onEnter);
    window.removeEventListener('dragover', this.onOver);
    window.removeEventListener('dragleave', this.onLeave);
    window.removeEventListener('drop', this.onDrop);
  }

  override render() {
    if (!this.active) return nothing;
    return html`<div class="overlay" aria-hidden="true">
      <div class="target">
        <div>${icons.upload}</div>
        <div>Drop to import</div>
        <small>${IMPORT_DIALOG_FILTER_NAME}, or folders of them</small>
      </div>
    </div>`;
  }

  private readonly onEnter = (event: DragEvent): void => {
    if (!carriesFiles(event)) return;
    event.preventDefault();
    this.depth += 1;
    if (!this.active) this.dispatchEvent(new Event('import-near'));
    this.active = true;
  };

  private readonly onOver = (event: DragEvent): void => {
    if (!carriesFiles(event)) return;
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
  };

  private readonly onLeave = (event: DragEvent): void => {
    if (!carriesFiles(event)) return;
    this.depth = Math.max(0, this.depth - 1);
    if (this.depth === 0) this.active = false;
  };

  private readonly onDrop = async (event: DragEvent): Promise<void> => {
    if (!carriesFiles(event)) return;
    event.preventDefault();
    this.depth = 0;
    this.active = false;
    // Entries must be taken before the first await: the drop's data is gone after it.
    const { files: dropped, refused } = await droppedFiles(event.dataTransfer);
    if (dropped.length === 0 && refused.length === 0) return;
    const detail: DroppedFiles = { files: [], refused };
    for (const file of dropped) {
      if (file.size > maxImportBytesOf(file.name)) {
        detail.refused.push(tooLargeMessage(file.name, file.size));
        continue;
      }
      try {
        detail.files.push({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
      } catch {
        // A folder or a file that vanished: the browser cannot read it.
        detail.refused.push(`“${file.name}” could not be read.`);
      }
    }
    this.dispatchEvent(new FilesDroppedEvent(detail));
  };
}

/** Files were dropped on the window: those to import, and the names refused before reading. */
export class FilesDroppedEvent extends Event {
  static readonly eventName = 'files-dropped';
  constructor(readonly dropped: DroppedFiles) {
    super(FilesDroppedEvent.eventName);
  }
}

declare global {
  interface HTMLElementEventMap {
    'files-dropped': FilesDroppedEvent;
    'import-near': Event;
  }
  interface HTMLElementTagNameMap {
    'app-drop-zone': AppDropZone;
  }
}
