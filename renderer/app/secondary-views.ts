/**
 * The views reached from the library's toolbar (Trash, Tags, Broken links, Highlights, Notes):
 * which element a route shows and what it is given. The library and the reader are the shell's own.
 */
import { html, type TemplateResult } from 'lit';
import type { Settings } from '../../preload/api';
import type { WorkspaceResume } from './return-place';
import type { Route } from './routes';
import '../components/trash-view';
import '../components/tag-manager-view';
import '../components/broken-links-view';
import '../components/notes-view';
import '../components/workspace-view';

/** What the secondary views are given by the shell. */
export interface SecondaryViewState {
  settings: Settings | null;
  /** Bumped when highlights change anywhere (the workspace reloads). */
  workspaceVersion: number;
  /** Bumped when standalone notes change (the notes view reloads). */
  notesVersion: number;
  /** The workspace's filters and focused row when the reader returns to it, else null. */
  workspaceResume: WorkspaceResume | null;
}

/** The element of a secondary view; null for the library and the reader. */
export function renderSecondaryView(route: Route, state: SecondaryViewState): TemplateResult | null {
  switch (route.view) {
    case 'trash':
      // null is a choice ("never"), not a missing setting: only no settings at all falls back.
      return html`<trash-view
        .pruneAfterDays=${state.settings ? state.settings.pruneAfterDays : 30}
      ></trash-view>`;
    case 'tags':
      return html`<tag-manager-view></tag-manager-view>`;
    case 'broken-links':
      return html`<broken-links-view></broken-links-view>`;
    case 'workspace':
      return html`<workspace-view
        .version=${state.workspaceVersion}
        .colorLabels=${state.settings?.highlightLabels ?? {}}
        .resume=${state.workspaceResume}
      ></workspace-view>`;
    case 'notes':
      return html`<notes-view .noteId=${route.noteId} .version=${state.notesVersion}></notes-view>`;
    default:
      return null;
  }
}
