/**
 * Locale-aware wording for the library: word counts, reading time, relative days, progress.
 * Pure functions (Intl only) so they are unit-tested without a DOM.
 */

const DAY_MS = 86_400_000;

/**
 * Intl formatters made once per locale and options: making one costs far more than formatting
 * with it, and a library row formats five values (a jump in a long list renders a screen of rows).
 */
const formatters = new Map<string, Intl.NumberFormat | Intl.RelativeTimeFormat | Intl.DateTimeFormat>();

function cached<T extends Intl.NumberFormat | Intl.RelativeTimeFormat | Intl.DateTimeFormat>(
  key: string,
  make: () => T,
): T {
  let formatter = formatters.get(key) as T | undefined;
  if (formatter === undefined) {
    formatter = make();
    formatters.set(key, formatter);
  }
  return formatter;
}

const numberFormat = (locale: string): Intl.NumberFormat =>
  cached(`number ${locale}`, () => new Intl.NumberFormat(locale));

const startOfLocalDay = (date: Date): number =>
  new Date(date.getFullYear(), date.getMonth(), date.getDate()).getTime();

/** A count in the locale's digits and grouping ("1,204"). */
export function formatNumber(value: number, locale: string): string {
  return numberFormat(locale).format(value);
}

/** "17 min", "1 h 5 min", "40 h": a reading time as a reader would say it. */
export function formatDuration(minutes: number, locale: string): string {
  const number = numberFormat(locale);
  const total = Math.max(1, Math.round(minutes));
  if (total < 60) return `${number.format(total)} min`;
  const hours = Math.floor(total / 60);
  const rest = total % 60;
  // Past ten hours the minutes are noise.
  if (rest === 0 || hours >= 10) return `${number.format(hours)} h`;
  return `${number.format(hours)} h ${number.format(rest)} min`;
}

/** "4,210 words · 17 min" in the given locale. */
export function formatLength(wordCount: number, readingMinutes: number, locale: string): string {
  const words = wordCount === 1 ? 'word' : 'words';
  return `${numberFormat(locale).format(wordCount)} ${words} · ${formatDuration(readingMinutes, locale)}`;
}

/**
 * Days already worded for one locale and one "today": every row shows one or two dates and is
 * rendered again with each window that lands, and parsing plus ICU formatting is the costly part.
 */
let wordedDays = { key: '', words: new Map<string, string>() };
/** Rows on screen times the dates they show, many times over: past this the memo starts again. */
const MAX_WORDED_DAYS = 4096;

/**
 * A day relative to `now`: "today", "yesterday", "3 days ago" up to six days back, else a
 * date ("12 Mar", with the year when it is not this year's). Future times (clock skew) read
 * as "today". Calendar days in local time, so 23:59 yesterday is "yesterday".
 */
export function formatRelativeDay(iso: string, now: Date, locale: string): string {
  const today = startOfLocalDay(now);
  const key = `${locale} ${today}`;
  if (wordedDays.key !== key || wordedDays.words.size >= MAX_WORDED_DAYS)
    wordedDays = { key, words: new Map() };
  let words = wordedDays.words.get(iso);
  if (words === undefined) {
    words = wordRelativeDay(iso, today, now.getFullYear(), locale);
    wordedDays.words.set(iso, words);
  }
  return words;
}

function wordRelativeDay(iso: string, today: number, thisYear: number, locale: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  // Rounding absorbs the 23- and 25-hour days of daylight-saving changes.
  const daysAgo = Math.round((today - startOfLocalDay(date)) / DAY_MS);
  if (daysAgo < 7) {
    const relative = cached(
      `relative ${locale}`,
      () => new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }),
    );
    return relative.format(-Math.max(0, daysAgo), 'day');
  }
  const sameYear = date.getFullYear() === thisYear;
  const dateFormat = cached(
    `date ${sameYear ? 'day' : 'year'} ${locale}`,
    () =>
      new Intl.DateTimeFormat(locale, {
        day: 'numeric',
        month: 'short',
        ...(sameYear ? {} : { year: 'numeric' }),
      }),
  );
  return dateFormat.format(date);
}

/** 0..1 to a whole percentage 0..100 (clamped; NaN reads as 0). */
export function progressPercent(progress: number): number {
  if (!Number.isFinite(progress)) return 0;
  return Math.round(Math.min(1, Math.max(0, progress)) * 100);
}

/** "1,204 documents" / "1 document". */
export function formatDocumentCount(count: number, locale: string): string {
  return `${numberFormat(locale).format(count)} ${count === 1 ? 'document' : 'documents'}`;
}
