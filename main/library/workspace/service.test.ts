/**
 * The workspace index on a real library: filters, grouping order, and that it follows every change
 * (add, edit, note, delete, trash, restore, tag rename) without being rebuilt.
 */
import { describe, expect, it } from 'vitest';
import type { WorkspaceFilter, WorkspaceGrouping, WorkspacePage } from '../../../preload/api';
import type { Library } from '../library';
import { useTempLibrary } from '../test-support';
import { FRANKENSTEIN, PRIDE, highlight, importText, tagged } from './test-fixtures';

const temp = useTempLibrary();

async function page(lib: Library, filter: WorkspaceFilter = {}, grouping: WorkspaceGrouping = 'document') {
  const answer = await lib.workspace.query({ filter, grouping, offset: 0, limit: 500 });
  if (!answer.ok) throw new Error(answer.message);
  return answer.value;
}

const quotes = (answer: WorkspacePage) =>
  answer.rows.flatMap((row) => (row.kind === 'item' ? [row.item.quote] : []));
const headings = (answer: WorkspacePage) =>
  answer.rows.flatMap((row) => (row.kind === 'group' ? [`${row.label} (${row.count})`] : []));

async function twoBooks(lib: Library) {
  const pride = await importText(lib, 'pride.md', PRIDE);
  const frank = await importText(lib, 'frankenstein.md', FRANKENSTEIN);
  // Added out of document order: the grouping by document must put them back in it.
  const wife = await highlight(lib, pride, PRIDE, 'must be in\nwant of a wife', 'pink');
  const truth = await highlight(lib, pride, PRIDE, 'It is a truth universally acknowledged', 'yellow');
  const cafe = await highlight(lib, frank, FRANKENSTEIN, 'the cost of a café in Genève', 'green');
  const disaster = await highlight(lib, frank, FRANKENSTEIN, 'no disaster has accompanied', 'pink');
  return { pride, frank, wife, truth, cafe, disaster };
}

describe('the workspace query', () => {
  it('groups by document, titles in order, each document’s highlights in text order', async () => {
    const lib = await temp.open();
    await twoBooks(lib);
    const answer = await page(lib);
    expect(headings(answer)).toEqual(['Frankenstein (2)', 'Pride and Prejudice (2)']);
    expect(quotes(answer)).toEqual([
      'no disaster has accompanied',
      'the cost of a café in Genève',
      'It is a truth universally acknowledged',
      'must be in\nwant of a wife',
    ]);
    expect(answer).toMatchObject({ totalRows: 6, matching: 4, inLibrary: 4, groupCount: 2 });
    expect(answer.groups.map((group) => group.row)).toEqual([0, 3]);
  });

  it('filters by colour, by tag with its children, by text without accents, by document and by date', async () => {
    const lib = await temp.open();
    const { frank, wife, cafe, disaster } = await twoBooks(lib);
    await tagged(lib, wife, ['Marriage/Money']);
    await tagged(lib, cafe, ['money']);
    await tagged(lib, disaster, ['marriage-plot']);
    expect(quotes(await page(lib, { colors: ['pink'] }))).toEqual([
      'no disaster has accompanied',
      'must be in\nwant of a wife',
    ]);
    // `marriage` holds `Marriage/Money` but not `marriage-plot`.
    expect(quotes(await page(lib, { tags: ['marriage'] }))).toEqual(['must be in\nwant of a wife']);
    expect(quotes(await page(lib, { tags: ['MONEY'], colors: ['green', 'yellow'] }))).toEqual([
      'the cost of a café in Genève',
    ]);
    expect(quotes(await page(lib, { text: 'CAFE geneve' }))).toEqual(['the cost of a café in Genève']);
    expect(quotes(await page(lib, { text: '(and $5 a *week*' }))).toEqual([]);
    expect(quotes(await page(lib, { documentIds: [frank.id] }))).toHaveLength(2);
    const created = disaster.createdAt;
    expect(quotes(await page(lib, { createdFrom: created }))).toEqual(['no disaster has accompanied']);
    expect(quotes(await page(lib, { createdBefore: created }))).toHaveLength(3);
    const none = await page(lib, { text: 'whale' });
    expect(none).toMatchObject({ rows: [], totalRows: 0, matching: 0, inLibrary: 4 });
  });

  it('groups by tag (a highlight under each of its tags, untagged last) and by month, newest first', async () => {
    const lib = await temp.open();
    const { wife, truth } = await twoBooks(lib);
    await tagged(lib, wife, ['money', 'marriage']);
    await tagged(lib, truth, ['marriage']);
    expect(headings(await page(lib, {}, 'tag'))).toEqual(['marriage (2)', 'money (1)', 'Untagged (2)']);
    const byDate = await page(lib, {}, 'date');
    expect(headings(byDate)).toEqual(['January 2024 (4)']);
    expect(quotes(byDate)[0]).toBe('no disaster has accompanied');
  });

  it('answers windows of the rows across group headings', async () => {
    const lib = await temp.open();
    await twoBooks(lib);
    const window = await lib.workspace.query({ filter: {}, grouping: 'document', offset: 2, limit: 3 });
    if (!window.ok) throw new Error(window.message);
    expect(window.value.rows.map((row) => (row.kind === 'group' ? row.label : row.item.quote))).toEqual([
      'the cost of a café in Genève',
      'Pride and Prejudice',
      'It is a truth universally acknowledged',
    ]);
    const past = await lib.workspace.query({ filter: {}, grouping: 'document', offset: 99, limit: 3 });
    expect(past.ok && past.value.rows).toEqual([]);
  });
});

describe('the workspace index follows the library', () => {
  it('sees added, recoloured, noted and deleted highlights', async () => {
    const lib = await temp.open();
    const { pride, wife, truth } = await twoBooks(lib);
    expect((await page(lib)).inLibrary).toBe(4);
    // Built now: what follows must reach it as changes.
    await highlight(lib, pride, PRIDE, 'the rightful property', 'blue');
    await lib.highlights.updateHighlight(pride.id, truth.id, { color: 'orange' });
    await lib.annotationNotes.setHighlightNote(pride.id, wife.id, 'Irony, *surely*.');
    await lib.highlights.deleteHighlight(pride.id, truth.id);
    const answer = await page(lib, { documentIds: [pride.id] });
    expect(quotes(answer)).toEqual(['must be in\nwant of a wife', 'the rightful property']);
    const noted = answer.rows.find((row) => row.kind === 'item' && row.item.highlightId === wife.id);
    expect(noted?.kind === 'item' && noted.item.note).toBe('Irony, *surely*.');
    expect(quotes(await page(lib, { text: 'surely' }))).toEqual(['must be in\nwant of a wife']);
  });

  it('drops a trashed document’s highlights and brings them back on restore', async () => {
    const lib = await temp.open();
    const { frank } = await twoBooks(lib);
    await page(lib);
    await lib.documents.deleteDocument(frank.id);
    expect((await page(lib)).inLibrary).toBe(2);
    await lib.documents.restoreDocument(frank.id);
    const answer = await page(lib);
    expect(answer.inLibrary).toBe(4);
    expect(headings(answer)[0]).toBe('Frankenstein (2)');
  });

  it('shows renamed tags by their new name and finds them by it', async () => {
    const lib = await temp.open();
    const { wife } = await twoBooks(lib);
    await tagged(lib, wife, ['politics/armenia']);
    await page(lib);
    const renamed = await lib.tags.changes.renameTag('politics', 'world');
    expect(renamed.ok).toBe(true);
    expect(quotes(await page(lib, { tags: ['politics'] }))).toEqual([]);
    const found = await page(lib, { tags: ['world'] });
    expect(found.rows.flatMap((row) => (row.kind === 'item' ? row.item.tags : []))).toEqual([
      'world/armenia',
    ]);
  });

  it('reads the library on its first query, after reopening', async () => {
    await twoBooks(await temp.open());
    const reopened = await temp.open();
    expect((await page(reopened)).inLibrary).toBe(4);
  });

  it('follows a renamed document into its new place in the order', async () => {
    const lib = await temp.open();
    const { pride } = await twoBooks(lib);
    await page(lib);
    await lib.documents.renameDocument(pride.id, 'Aardvarks');
    expect(headings(await page(lib))[0]).toBe('Aardvarks (2)');
  });
});

describe('the daily review', () => {
  it('draws the same passages all day, and brings back this day of earlier years first', async () => {
    const lib = await temp.open();
    await twoBooks(lib);
    const first = await lib.workspace.review('2026-12-03', 3);
    const again = await lib.workspace.review('2026-12-03', 3);
    expect(first).toEqual(again);
    expect(first.ok && first.value.random).toHaveLength(3);
    // The highlights were made on 1 January 2024 (the test clock).
    const anniversary = await lib.workspace.review('2025-01-01', 3);
    expect(anniversary.ok && anniversary.value.onThisDay).toHaveLength(3);
    const sameYear = await lib.workspace.review('2024-01-01', 3);
    expect(sameYear.ok && sameYear.value.onThisDay).toEqual([]);
  });
});
