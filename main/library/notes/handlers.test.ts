/** The notes methods at the contract's boundary: bad arguments refused with a message, caps named. */
import { describe, expect, it } from 'vitest';
import { createHandlers } from '../handlers';
import { useTempLibrary } from '../test-support';

const library = useTempLibrary();
const platform = { openExternal: async () => undefined, chooseFiles: async () => null } as never;

describe('notes handlers', () => {
  it('refuse malformed arguments with invalid-argument, and name the note size cap', async () => {
    const handlers = createHandlers(await library.open(), platform, () => undefined);
    const refused = [
      await handlers.getNote('../../etc/passwd'),
      await handlers.createNote({ title: 'x', body: 'y', extra: true }),
      await handlers.createNote({ title: 'x'.repeat(501) }),
      await handlers.createNote({ title: 'x', tags: Array.from({ length: 101 }, (_, n) => `t${n}`) }),
      await handlers.saveNote('0123456789abcdef', {}),
      await handlers.setDocumentNote('0123456789abcdef', 42),
    ];
    for (const result of refused) expect(result).toMatchObject({ ok: false, code: 'invalid-argument' });
    const created = await handlers.createNote({ title: 'War and Peace' });
    if (!created.ok) throw new Error(created.message);
    const tooLong = await handlers.saveNote(created.value.id, { body: 'Natásha '.repeat(300_000) });
    expect(tooLong).toMatchObject({ ok: false, code: 'too-large' });
    expect(await handlers.getNote(created.value.id)).toMatchObject({ ok: true, value: { body: '' } });
    expect(await handlers.setHighlightNote('0123456789abcdef', 'fedcba9876543210', 'x')).toMatchObject({
      ok: false,
      code: 'not-found',
    });
  });
});
