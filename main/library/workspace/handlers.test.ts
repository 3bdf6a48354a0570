/** The workspace's methods at the boundary: arguments validated with messages a person can read. */
import { describe, expect, it } from 'vitest';
import { createHandlers } from '../handlers';
import { useTempLibrary } from '../test-support';
import { PRIDE, highlight, importText } from './test-fixtures';

const temp = useTempLibrary();
const platform = {
  chooseFilesToImport: async () => null,
  chooseFileToUpdate: async () => null,
  chooseExportFolder: async () => null,
  openExternal: async () => undefined,
};

describe('the workspace handlers', () => {
  it('answer a query and refuse bad arguments by name', async () => {
    const lib = await temp.open();
    const doc = await importText(lib, 'pride.md', PRIDE);
    const added = await highlight(lib, doc, PRIDE, 'a single man in possession');
    const handlers = createHandlers(lib, platform, () => undefined);
    const query = { filter: { colors: ['yellow'] }, grouping: 'document', offset: 0, limit: 10 };
    const answer = await handlers.queryWorkspace(query);
    expect(answer.ok && answer.value.matching).toBe(1);

    const badColour = await handlers.queryWorkspace({ ...query, filter: { colors: ['crimson'] } });
    expect(badColour).toMatchObject({ ok: false, code: 'invalid-argument' });
    const badDate = await handlers.queryWorkspace({ ...query, filter: { createdFrom: 'last spring' } });
    expect(badDate).toMatchObject({ ok: false, code: 'invalid-argument' });
    const tooWide = await handlers.queryWorkspace({ ...query, limit: 100_000 });
    expect(tooWide).toMatchObject({ ok: false, code: 'invalid-argument' });

    const ref = { documentId: doc.id, highlightId: added.id };
    const many = Array.from({ length: 1001 }, () => ref);
    const refused = await handlers.editHighlights(many, { kind: 'delete' });
    expect(refused).toMatchObject({ ok: false, code: 'invalid-argument' });
    expect(!refused.ok && refused.message).toContain('select fewer');
    expect(await handlers.editHighlights([], { kind: 'delete' })).toMatchObject({ ok: false });
    expect(await handlers.editHighlights([ref], { kind: 'paint' })).toMatchObject({ ok: false });
    const tagged = await handlers.editHighlights([ref], { kind: 'tag', tag: 'money' });
    expect(tagged.ok && tagged.value.changed).toBe(1);
    expect(await handlers.undoHighlightsEdit('not a token')).toMatchObject({
      ok: false,
      code: 'invalid-argument',
    });
    expect(await handlers.reviewHighlights('2026-02-30x', 5)).toMatchObject({ ok: false });
    const review = await handlers.reviewHighlights('2026-12-03', 5);
    expect(review.ok && review.value.random.map((item) => item.tags)).toEqual([['money']]);
  });
});
