/** Kindle's title and meta lines, in the locales real clippings files come in. */
import { describe, expect, it } from 'vitest';
import { splitTitleLine } from './kindle';
import { parseKindleDate } from './kindle-dates';
import { parseClippingMeta } from './kindle-meta';

describe('Kindle title lines', () => {
  it('takes the last balanced group as the author, whatever parentheses the title has', () => {
    expect(splitTitleLine('The Black Swan (Incerto) (Taleb, Nassim Nicholas)')).toEqual({
      title: 'The Black Swan (Incerto)',
      author: 'Taleb, Nassim Nicholas',
    });
    expect(splitTitleLine('Moby Dick; Or, The Whale (Melville, Herman (1819-1891))')).toEqual({
      title: 'Moby Dick; Or, The Whale',
      author: 'Melville, Herman (1819-1891)',
    });
    expect(splitTitleLine('notes-from-a-pdf')).toEqual({ title: 'notes-from-a-pdf', author: null });
    expect(splitTitleLine('(Untitled)')).toEqual({ title: '(Untitled)', author: null });
    expect(splitTitleLine('Broken (title')).toEqual({ title: 'Broken (title', author: null });
  });
});

describe('Kindle meta lines in many locales', () => {
  const cases: [string, string, { start: number; end: number } | null, string | null, string | null][] = [
    [
      '- Your Highlight on page 12 | Location 123-125 | Added on Sunday, 3 March 2019 10:00:00',
      'highlight',
      { start: 123, end: 125 },
      '12',
      '2019-03-03T10:00:00',
    ],
    [
      '- Your Highlight at location 1406-1407 | Added on Thursday, April 16, 2020 11:28:46 PM',
      'highlight',
      { start: 1406, end: 1407 },
      null,
      '2020-04-16T23:28:46',
    ],
    [
      '- Highlight Loc. 1234-56  | Added on Monday, January 2, 2012, 08:05 AM',
      'highlight',
      { start: 1234, end: 1256 },
      null,
      '2012-01-02T08:05:00',
    ],
    [
      '- Your Note on Location 125 | Added on Sunday, 3 March 2019 10:01:00',
      'note',
      { start: 125, end: 125 },
      null,
      '2019-03-03T10:01:00',
    ],
    [
      '- Your Bookmark on page 40 | Location 600 | Added on Sunday, 3 March 2019 10:02:00',
      'bookmark',
      { start: 600, end: 600 },
      '40',
      '2019-03-03T10:02:00',
    ],
    [
      '- Ihre Markierung auf Seite 12 | Position 123-125 | Hinzugefügt am Sonntag, 3. März 2019 10:00:00',
      'highlight',
      { start: 123, end: 125 },
      '12',
      '2019-03-03T10:00:00',
    ],
    [
      '- Ihre Notiz bei Position 125 | Hinzugefügt am Sonntag, 3. März 2019 10:00:00',
      'note',
      { start: 125, end: 125 },
      null,
      '2019-03-03T10:00:00',
    ],
    [
      '- Ihr Lesezeichen bei Position 600 | Hinzugefügt am Sonntag, 3. März 2019 10:00:00',
      'bookmark',
      { start: 600, end: 600 },
      null,
      '2019-03-03T10:00:00',
    ],
    [
      '- Votre surlignement sur la page 12 | emplacement 123-125 | Ajouté le dimanche 3 mars 2019 10:00:00',
      'highlight',
      { start: 123, end: 125 },
      '12',
      '2019-03-03T10:00:00',
    ],
    [
      '- Votre note sur l’emplacement 125 | Ajouté le dimanche 3 mars 2019 10:00:00',
      'note',
      { start: 125, end: 125 },
      null,
      '2019-03-03T10:00:00',
    ],
    [
      '- Tu subrayado en la página 12 | posición 123-125 | Añadido el domingo, 3 de marzo de 2019 10:00:00',
      'highlight',
      { start: 123, end: 125 },
      '12',
      '2019-03-03T10:00:00',
    ],
    [
      '- Tu marcador en la posición 600 | Añadido el domingo, 3 de marzo de 2019 10:00:00',
      'bookmark',
      { start: 600, end: 600 },
      null,
      '2019-03-03T10:00:00',
    ],
    [
      '- La tua evidenziazione a pagina 12 | posizione 123-125 | Aggiunto in data domenica 3 marzo 2019 10:00:00',
      'highlight',
      { start: 123, end: 125 },
      '12',
      '2019-03-03T10:00:00',
    ],
    [
      '- La tua nota alla posizione 125 | Aggiunto in data domenica 3 marzo 2019 10:00:00',
      'note',
      { start: 125, end: 125 },
      null,
      '2019-03-03T10:00:00',
    ],
    [
      '- Seu destaque na página 12 | posição 123-125 | Adicionado: domingo, 3 de março de 2019 10:00:00',
      'highlight',
      { start: 123, end: 125 },
      '12',
      '2019-03-03T10:00:00',
    ],
    [
      '- Uw markering op pagina 12 | Locatie 123-125 | Toegevoegd op zondag 3 maart 2019 10:00:00',
      'highlight',
      { start: 123, end: 125 },
      '12',
      '2019-03-03T10:00:00',
    ],
    [
      '- 12 ページ|位置No. 123-125のハイライト |作成日: 2019年3月3日日曜日 10:00:00',
      'highlight',
      { start: 123, end: 125 },
      '12',
      '2019-03-03T10:00:00',
    ],
    [
      '- 位置No. 125のメモ |作成日: 2019年3月3日日曜日 午後3:04:05',
      'note',
      { start: 125, end: 125 },
      null,
      '2019-03-03T15:04:05',
    ],
    [
      '- 您在第 12 页（位置 #123-125）的标注 | 添加于 2019年3月3日星期日 上午10:00:00',
      'highlight',
      { start: 123, end: 125 },
      '12',
      '2019-03-03T10:00:00',
    ],
    [
      '- 您在位置 #600的书签 | 添加于 2019年3月3日星期日 下午10:00:00',
      'bookmark',
      { start: 600, end: 600 },
      null,
      '2019-03-03T22:00:00',
    ],
  ];
  it.each(cases)('%s', (line, kind, location, page, date) => {
    // The date as written is local time (an ISO string without a zone is read as local time).
    const createdAt = date === null ? null : new Date(date).toISOString();
    expect(parseClippingMeta(line)).toMatchObject({ kind, location, page, createdAt });
  });

  it('refuses a line naming no kind of clipping, and a date it cannot read is null', () => {
    expect(parseClippingMeta('- Added on Sunday')).toBeNull();
    expect(parseKindleDate('Added on a rainy day')).toBeNull();
    expect(parseKindleDate('Added on Sunday, 31 February 2019 10:00:00')).toBeNull();
  });
});
