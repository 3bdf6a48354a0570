/**
 * Export templates in Mustache, a logic-less language: a template can only place the view's
 * (already escaped) values and repeat its lists, never run code. Before rendering, every name is
 * checked against the view's names (so `constructor` or `__proto__` can never reach a prototype),
 * partials are refused, and lists may nest only as the view nests them (no n² output).
 */
import Mustache from 'mustache';
import { LIST_CHILDREN, type DocumentView } from './view-model';

/** A template's first problem, at a 1-based line of the template. */
export interface TemplateError {
  line: number;
  message: string;
}

export type TemplateCheck = { ok: true } | ({ ok: false } & TemplateError);

/** Every name a template may use (a dotted name is checked part by part). */
const FIELD_NAMES = `id blockId color meaning hasMeaning quote quoteText hasTags tagLine tagList note hasNote
  link needsCheck heading hasHeading level hashes title author hasAuthor source added exported documentNote
  hasDocumentNote highlightCount hasHighlights hasUnplaced name line`;
const KNOWN_NAMES = new Set([
  '.',
  ...Object.keys(LIST_CHILDREN).filter((name) => name !== ''),
  ...FIELD_NAMES.split(/\s+/),
]);

/** What only Lectern writes: a template holding it would break re-export's region. */
const MARKER = /lectern:(begin|end)/;

type Token = [string, string, number, number, ...unknown[]];

/** The 1-based line of offset `at` in `text`. */
export const lineAt = (text: string, at: number): number => {
  let line = 1;
  for (let i = 0; i < Math.min(at, text.length); i++) if (text.charCodeAt(i) === 10) line++;
  return line;
};

/** Walks the parsed tokens: names known, no partials, lists nested only as the view nests them. */
function checkTokens(template: string, tokens: readonly Token[], list: string): TemplateError | null {
  for (const [type, name, start, , children] of tokens) {
    const at = (message: string): TemplateError => ({ line: lineAt(template, start), message });
    if (type === '>') return at(`partials (“{{> ${name}}}”) are not supported`);
    if (!['name', '&', '#', '^'].includes(type)) continue;
    const parts = name === '.' ? ['.'] : name.split('.');
    const unknown = parts.find((part) => !KNOWN_NAMES.has(part));
    if (unknown !== undefined)
      return at(`“${name}” is not a field of the export (see the README for the list)`);
    if (type !== '#' && type !== '^') continue;
    const last = parts[parts.length - 1] ?? '';
    const isList = last in LIST_CHILDREN;
    if (isList && type === '#' && !(LIST_CHILDREN[list] ?? []).includes(last))
      return at(`the list “${last}” cannot be repeated ${list === '' ? 'here' : `inside “${list}”`}`);
    const problem = checkTokens(template, (children ?? []) as Token[], isList && type === '#' ? last : list);
    if (problem !== null) return problem;
  }
  return null;
}

/** Where the last `{{#name}}` or `{{^name}}` opens, or -1. */
function lastOpening(template: string, name: string): number {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const openings = [...template.matchAll(new RegExp(`\\{\\{\\s*[#^]\\s*${escaped}\\s*\\}\\}`, 'g'))];
  return openings[openings.length - 1]?.index ?? -1;
}

/** Parses without rendering: where the template is wrong, or ok. */
export function checkTemplate(template: string): TemplateCheck {
  const marker = MARKER.exec(template);
  if (marker !== null)
    return {
      ok: false,
      line: lineAt(template, marker.index),
      message: `“${marker[0]}” is reserved for Lectern`,
    };
  let tokens: Token[];
  try {
    // A fresh writer each time: Mustache's shared one caches every template it ever parsed.
    tokens = new Mustache.Writer().parse(template) as Token[];
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const offset = /at (\d+)\s*$/.exec(message);
    // An unclosed section is reported at the template's end: its opening tag says more.
    const unclosed = /^Unclosed section "([^"]*)"/.exec(message)?.[1];
    const opening = unclosed === undefined ? -1 : lastOpening(template, unclosed);
    const at = opening >= 0 ? opening : offset === null ? 0 : Number(offset[1]);
    const line = lineAt(template, at);
    return { ok: false, line, message: message.replace(/\s*at \d+\s*$/, '') };
  }
  const problem = checkTokens(template, tokens, '');
  return problem === null ? { ok: true } : { ok: false, ...problem };
}

/** Every name part a template reads (`a.b` gives `a` and `b`); empty for a template that does not parse. */
export function namesIn(template: string): Set<string> {
  const names = new Set<string>();
  const visit = (tokens: readonly Token[]): void => {
    for (const [, name, , , children] of tokens) {
      for (const part of name.split('.')) names.add(part);
      if (Array.isArray(children)) visit(children as Token[]);
    }
  };
  try {
    visit(new Mustache.Writer().parse(template) as Token[]);
  } catch {
    // Not a template: renderTemplate reports where.
  }
  return names;
}

/**
 * The body a checked template gives for `view`: no HTML escaping (the view's values are markdown,
 * escaped already), line endings LF, one final newline.
 */
export function renderTemplate(
  template: string,
  view: DocumentView,
): { ok: true; body: string } | ({ ok: false } & TemplateError) {
  const check = checkTemplate(template);
  if (!check.ok) return check;
  const rendered = new Mustache.Writer().render(template, view, undefined, {
    escape: (value) => String(value),
  });
  // Searched first, not replaced blindly: a RegExp pass over 7 MB of a 10,000-highlight export costs.
  const lf = rendered.includes('\r') ? rendered.replace(/\r\n?/g, '\n') : rendered;
  let end = lf.length;
  while (end > 0 && lf.charCodeAt(end - 1) === 0x0a) end--;
  return { ok: true, body: `${lf.slice(0, end)}\n` };
}
