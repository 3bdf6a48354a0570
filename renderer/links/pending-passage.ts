/**
 * The passage a followed link asked for, waiting until the reader has opened its document and
 * placed its highlights: the shell asks, the reader's links controller takes it once.
 */
type Passage = { documentId: string; highlightId: string };

let pending: Passage | null = null;
const listeners = new Set<() => void>();

/** Asks the reader to scroll to and flash a passage (now, or once its document is open). */
export function requestPassage(passage: Passage): void {
  pending = passage;
  for (const listener of listeners) listener();
}

/** The passage asked for in `documentId`, if any (it stays asked until `takePassage`). */
export function pendingPassage(documentId: string): string | null {
  return pending?.documentId === documentId ? pending.highlightId : null;
}

export function takePassage(): void {
  pending = null;
}

/** Hears of new requests; returns the unsubscribe function. */
export function onPassageRequested(listener: () => void): () => void {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}
