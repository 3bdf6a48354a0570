import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir, removeDir, steppingClock } from '../test-support';
import { nodeFileSystem } from './file-system';
import { Journal } from './journal';

interface Move {
  from: string;
  to: string;
}
const isMove = (value: unknown): value is Move =>
  typeof value === 'object' && value !== null && 'from' in value && 'to' in value;

let dir = '';
beforeEach(async () => {
  dir = path.join(await makeTempDir('lectern-journal-'), 'journal');
});
afterEach(() => removeDir(path.dirname(dir)));

describe('Journal', () => {
  it('lists pending entries oldest first and forgets ended ones', async () => {
    const journal = new Journal<Move>(nodeFileSystem, dir, steppingClock());
    const first = await journal.begin({ from: 'documents/a.md', to: 'trash/a/a.md' });
    const second = await journal.begin({ from: 'trash/b/b.md', to: 'documents/b.md' });
    const third = await journal.begin({ from: 'documents/c.md', to: 'trash/c/c.md' });
    await journal.end(second);
    const pending = await journal.pending(isMove);
    expect(pending.map((entry) => entry.opId)).toEqual([first.opId, third.opId]);
    expect(pending[0]?.intent).toEqual({ from: 'documents/a.md', to: 'trash/a/a.md' });
  });

  it('removes entries that do not parse or hold no known intent, and ignores other files', async () => {
    const journal = new Journal<Move>(nodeFileSystem, dir, steppingClock());
    const kept = await journal.begin({ from: 'x', to: 'y' });
    await fs.writeFile(path.join(dir, '0000000000001-deadbeef.json'), '{"opId": "0000000000001-dead');
    await fs.writeFile(
      path.join(dir, '0000000000002-deadbeef.json'),
      '{"opId": "a", "startedAt": "b", "intent": 3}',
    );
    await fs.writeFile(path.join(dir, 'notes.txt'), 'not an entry');
    expect((await journal.pending(isMove)).map((entry) => entry.opId)).toEqual([kept.opId]);
    expect((await fs.readdir(dir)).toSorted()).toEqual([`${kept.opId}.json`, 'notes.txt']);
  });

  it('has nothing pending when its folder does not exist', async () => {
    expect(await new Journal<Move>(nodeFileSystem, dir, steppingClock()).pending(isMove)).toEqual([]);
  });
});
