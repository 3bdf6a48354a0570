/**
 * What the workspace's bulk bar asks for, done: the edit call, its toast with Undo (Ctrl+Z does
 * the same while the toast is up), the undo call, and the markdown copy. Every failure is a toast.
 */
import type { HighlightsEdit, LecternBridge, WorkspaceItem } from '../../preload/api';
import { call, failureToast } from '../app/calls';
import type { ToastInit } from '../lib/events';
import { highlightsMarkdown } from './copy-markdown';
import { editMessage, partWayMessage, undoMessage } from './edit-messages';

export interface ActionsHost {
  bridge: LecternBridge;
  toast(init: ToastInit): void;
  /** The list loads again (the edit changed it). */
  refresh(): void;
}

const WHAT: Record<HighlightsEdit['kind'], string> = {
  tag: 'Could not tag the highlights',
  untag: 'Could not remove the tag',
  recolor: 'Could not change the colour',
  delete: 'Could not delete the highlights',
};

/** Runs an edit on `items`; true when something changed. */
export async function runEdit(
  host: ActionsHost,
  items: readonly WorkspaceItem[],
  edit: HighlightsEdit,
): Promise<boolean> {
  const refs = items.map(({ documentId, highlightId }) => ({ documentId, highlightId }));
  const outcome = await call(host.bridge, 'editHighlights', refs, edit);
  if (!outcome.ok) {
    host.toast(failureToast(WHAT[edit.kind], outcome));
    return false;
  }
  host.refresh();
  const { undoToken } = outcome.value;
  const partWay = partWayMessage(outcome.value);
  if (partWay !== null) host.toast({ kind: 'error', message: partWay });
  host.toast({
    kind: outcome.value.changed === 0 ? 'info' : 'success',
    message: editMessage(edit, outcome.value),
    ...(undoToken === null ? {} : { action: { label: 'Undo', run: () => void undo(host, undoToken) } }),
  });
  return outcome.value.changed > 0;
}

export async function undo(host: ActionsHost, token: string): Promise<void> {
  const undone = await call(host.bridge, 'undoHighlightsEdit', token);
  host.refresh();
  if (!undone.ok) return host.toast(failureToast('Could not undo the change', undone));
  const failed = undone.value.failure !== null;
  host.toast({
    kind: failed ? 'error' : 'success',
    message: undoMessage(undone.value),
    ...(failed ? { action: { label: 'Try again', run: () => void undo(host, token) } } : {}),
  });
}

export async function copyAsMarkdown(host: ActionsHost, items: readonly WorkspaceItem[]): Promise<void> {
  try {
    await navigator.clipboard.writeText(highlightsMarkdown(items));
    host.toast({
      kind: 'success',
      message: `Copied ${items.length} highlight${items.length === 1 ? '' : 's'} as markdown.`,
    });
  } catch (error) {
    host.toast({
      kind: 'error',
      message: `Could not copy to the clipboard: ${error instanceof Error ? error.message : String(error)}`,
    });
  }
}
