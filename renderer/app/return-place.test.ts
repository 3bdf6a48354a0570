import { describe, expect, it } from 'vitest';
import type { DocumentId } from '../../preload/api';
import { BACK_LABELS, backPlace, nextReturnPlace, type ReturnPlace } from './return-place';
import type { Route } from './routes';

const doc = (id: string): Route => ({ view: 'reader', documentId: id as DocumentId });
const place = (route: Route, scrollY = 0): ReturnPlace => ({ route, scrollY, workspace: null });

describe('the reader’s return place', () => {
  it('remembers the view a document was opened from, as captured when leaving it', () => {
    const workspace: Route = { view: 'workspace' };
    const captured = { route: workspace, scrollY: 840, workspace: { filter: { tag: 'war' }, selection: {} } };
    expect(nextReturnPlace(workspace, doc('a'), null, () => captured)).toBe(captured);
  });

  it('keeps the first place when a link leads from one document to another', () => {
    const notes = place({ view: 'notes', noteId: 'n1' }, 120);
    const kept = nextReturnPlace(doc('a'), doc('b'), notes, () => place({ view: 'library' }));
    expect(kept).toBe(notes);
  });

  it('falls back to the library when a document opens with no place known (a deep link at start-up)', () => {
    expect(nextReturnPlace(doc('a'), doc('b'), null, () => place({ view: 'trash' }))).toEqual(
      place({ view: 'library' }),
    );
    expect(backPlace(null).route).toEqual({ view: 'library' });
  });

  it('forgets the place on any move that does not enter a document', () => {
    const workspace = place({ view: 'workspace' });
    expect(nextReturnPlace(doc('a'), { view: 'library' }, workspace, () => workspace)).toBeNull();
    expect(nextReturnPlace({ view: 'library' }, { view: 'tags' }, workspace, () => workspace)).toBeNull();
  });

  it('names Back by where it goes', () => {
    expect(BACK_LABELS.workspace).toBe('Highlights');
    expect(BACK_LABELS.notes).toBe('Notes');
    expect(BACK_LABELS.reader).toBe('Library');
  });
});
