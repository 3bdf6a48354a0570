/**
 * The reader's toolbar as a template (it lives in <reader-view>'s shadow root, so aria-controls
 * can point at the panels it opens): back, contents, more tools, title, reading settings, progress.
 */
import { html, type TemplateResult } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';

export interface ToolbarState {
  title: string;
  tocOpen: boolean;
  settingsOpen: boolean;
  /** 0..1 through the document. */
  progress: number;
  /** Dimmed while the reader scrolls down. */
  quiet: boolean;
  onBack: () => void;
  /** Where Back goes ("Library", "Highlights", "Notes"). */
  backTo: string;
  onToggleToc: () => void;
  onToggleSettings: () => void;
  /** More tools after Contents (the highlighting ones). */
  tools?: TemplateResult;
}

export function readerToolbar(state: ToolbarState) {
  return html`<div class="toolbar ${state.quiet ? 'quiet' : ''}">
    <button
      class="tool"
      type="button"
      aria-label=${`Back to ${state.backTo.toLowerCase()}`}
      title=${`Back to ${state.backTo.toLowerCase()}`}
      @click=${state.onBack}
    >
      <svg viewBox="0 0 24 24" aria-hidden="true"><path d="M15 18l-6-6 6-6" /></svg
      ><span>${state.backTo}</span>
    </button>
    <button
      class="tool toc-button"
      type="button"
      aria-label="Contents"
      title="Contents"
      aria-expanded=${String(state.tocOpen)}
      aria-controls="toc"
      @click=${state.onToggleToc}
    >
      <svg viewBox="0 0 24 24" aria-hidden="true"><path d="M4 6h16M4 12h16M4 18h10" /></svg>
    </button>
    ${state.tools ?? ''}
    <div class="title" aria-hidden="true">${state.title}</div>
    <button
      class="tool settings-button"
      type="button"
      aria-label="Reading settings"
      title="Reading settings"
      aria-haspopup="dialog"
      aria-expanded=${String(state.settingsOpen)}
      aria-controls="reading-settings"
      @click=${state.onToggleSettings}
    >
      <span class="aa" aria-hidden="true">Aa</span>
    </button>
    <div
      class="progress"
      role="progressbar"
      aria-label="Reading progress"
      aria-valuemin="0"
      aria-valuemax="100"
      aria-valuenow=${Math.round(state.progress * 100)}
    >
      <div style=${styleMap({ transform: `scaleX(${state.progress})` })}></div>
    </div>
  </div>`;
}
