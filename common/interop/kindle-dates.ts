/**
 * The date at the end of a Kindle meta line, in any locale Kindles write, as ISO 8601. Kindle
 * writes the device's local time without a zone: it is read as local time where it is imported
 * (most readers import on a computer in their Kindle's zone), so the day and hour shown afterwards
 * are the ones written, and "on this day" brings the highlight back on the day it was made.
 */

// Month names (and common abbreviations) of en, de, fr, es, it, pt, nl, keyed by their lower-case form.
const MONTH_NAMES: readonly (readonly string[])[] = [
  ['january', 'jan', 'januar', 'jänner', 'janvier', 'enero', 'gennaio', 'janeiro', 'januari'],
  ['february', 'feb', 'februar', 'février', 'fevrier', 'febrero', 'febbraio', 'fevereiro', 'februari'],
  ['march', 'mar', 'märz', 'mars', 'marzo', 'março', 'marco', 'maart'],
  ['april', 'apr', 'avril', 'abril', 'aprile'],
  ['may', 'mai', 'mayo', 'maggio', 'maio', 'mei'],
  ['june', 'jun', 'juni', 'juin', 'junio', 'giugno', 'junho'],
  ['july', 'jul', 'juli', 'juillet', 'julio', 'luglio', 'julho'],
  ['august', 'aug', 'août', 'aout', 'agosto', 'augustus'],
  ['september', 'sep', 'sept', 'septembre', 'septiembre', 'setiembre', 'settembre', 'setembro'],
  ['october', 'oct', 'oktober', 'octobre', 'octubre', 'ottobre', 'outubro'],
  ['november', 'nov', 'novembre', 'noviembre', 'novembro'],
  ['december', 'dec', 'dezember', 'décembre', 'decembre', 'diciembre', 'dicembre', 'dezembro'],
];
const MONTHS = new Map(MONTH_NAMES.flatMap((names, index) => names.map((name) => [name, index + 1])));

const CJK_DATE = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/u;
const TIME = /(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(AM|PM|a\.\s?m\.|p\.\s?m\.)?/iu;
// 午後 / 下午: afternoon (Japanese, Chinese), written before the time.
const AFTERNOON_BEFORE = /(?:午後|下午)\s*$/u;
const MORNING_BEFORE = /(?:午前|上午)\s*$/u;

/** The date in `text`, read as local time, as an ISO 8601 instant; null when it names no full date. */
export function parseKindleDate(text: string): string | null {
  const time = TIME.exec(text);
  const beforeTime = time === null ? text : text.slice(0, time.index);
  const day = dayOf(beforeTime);
  if (day === null) return null;
  let hours = time === null ? 0 : Number(time[1]);
  const minutes = time === null ? 0 : Number(time[2]);
  const seconds = time?.[3] === undefined ? 0 : Number(time[3]);
  const meridiem = time?.[4]?.toLowerCase().replace(/[\s.]/gu, '') ?? '';
  const afternoon = meridiem === 'pm' || AFTERNOON_BEFORE.test(beforeTime);
  const morning = meridiem === 'am' || MORNING_BEFORE.test(beforeTime);
  if (afternoon && hours < 12) hours += 12;
  if (morning && hours === 12) hours = 0;
  const date = new Date(day.year, day.month - 1, day.day, hours, minutes, seconds);
  const valid = date.getDate() === day.day && hours < 24 && minutes < 60 && seconds < 60 && day.year >= 1990;
  return valid ? date.toISOString() : null;
}

function dayOf(text: string): { year: number; month: number; day: number } | null {
  const cjk = CJK_DATE.exec(text);
  if (cjk !== null) return { year: Number(cjk[1]), month: Number(cjk[2]), day: Number(cjk[3]) };
  const year = /\b(\d{4})\b/u.exec(text);
  if (year === null) return null;
  const words = text.toLowerCase().match(/\p{L}+\.?/gu) ?? [];
  const month = words.map((word) => MONTHS.get(word.replace(/\.$/u, ''))).find((m) => m !== undefined);
  if (month === undefined) return null;
  const rest = text.slice(0, year.index) + text.slice(year.index + 4);
  const day = /\b(\d{1,2})\b/u.exec(rest);
  return day === null ? null : { year: Number(year[1]), month, day: Number(day[1]) };
}
