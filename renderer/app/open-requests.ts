/**
 * Deep links clicked outside the app (`lectern://open?…` in an exported note): the page takes the
 * waiting one at start and again whenever main says one arrived, and follows it like any link.
 */
import type { LecternBridge, LinkTarget, OpenRequest } from '../../preload/api';
import type { ToastInit } from '../lib/events';
import { call, failureToast } from './calls';

/** The link an open request stands for: the passage when it names one, else the document. */
export function linkOfRequest(request: OpenRequest): LinkTarget {
  return request.highlightId === null
    ? { kind: 'doc', documentId: request.documentId }
    : { kind: 'highlight', documentId: request.documentId, highlightId: request.highlightId };
}

/** Takes and follows open requests until the returned function is called. */
export function followOpenRequests(
  bridge: LecternBridge,
  follow: (link: LinkTarget) => void,
  toast: (init: ToastInit) => void,
): () => void {
  const take = async (): Promise<void> => {
    const taken = await call(bridge, 'takeOpenRequest');
    if (!taken.ok) toast(failureToast('Could not open the Lectern link', taken));
    else if (taken.value !== null) follow(linkOfRequest(taken.value));
  };
  // Subscribed before the first take, so a link arriving in between is not missed.
  const unsubscribe = bridge.subscribe('openRequested', () => void take());
  void take();
  return unsubscribe;
}
