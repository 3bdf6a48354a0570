/** The one "there is no such document" failure, built in one place for every domain. */
import type { DocumentId, Failure } from '../../../preload/api';

export function documentNotFound(id: DocumentId): Failure & { code: 'not-found' } {
  return { ok: false, code: 'not-found', message: `There is no document ${id} in the library.` };
}
