/**
 * Footnotes (`[^1]` and `[^1]: text`) for the reader's marked dialect, linked both ways. Each
 * render chunk is parsed alone, so a reference never waits for its note: both are numbered by
 * their label, and a note is drawn where it stands (usually the end of the document).
 */
import type { MarkedExtension, Tokens } from 'marked';

/** `[^label]`: a label without spaces or brackets, as GFM has it. */
const REFERENCE = /^\[\^([^\]\s[]{1,64})\]/;
/** `[^label]: text`, with lines that follow until a blank line or the next note. */
const DEFINITION =
  /^ {0,3}\[\^([^\]\s[]{1,64})\]:[ \t]*([^\n]*(?:\n(?![ \t]*\n|[ \t]*$| {0,3}\[\^)[^\n]*)*)(?:\n|$)/;

/** The id both ends of a footnote share, kept to characters safe in an id and a fragment. */
export function footnoteId(label: string): string {
  return encodeURIComponent(label).replace(/%/g, '_');
}

const escapeHtml = (text: string): string =>
  text.replace(
    /[&<>"]/g,
    (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[char] ?? char,
  );

interface FootnoteToken extends Tokens.Generic {
  label: string;
}

/** The marked extension: an inline reference and a block note. */
export const footnotes: MarkedExtension = {
  extensions: [
    {
      name: 'footnoteNote',
      level: 'block',
      // Where the next line that opens a note starts (marked cuts a paragraph there).
      start: (src) => {
        const next = /\n {0,3}\[\^/.exec(src);
        return next === null ? undefined : next.index + 1;
      },
      tokenizer(src) {
        const match = DEFINITION.exec(src);
        if (match === null) return undefined;
        const text = (match[2] ?? '').trim();
        return {
          type: 'footnoteNote',
          raw: match[0],
          label: match[1] ?? '',
          tokens: this.lexer.inlineTokens(text),
        };
      },
      renderer(token) {
        const { label } = token as FootnoteToken;
        const id = footnoteId(label);
        const text = this.parser.parseInline(token.tokens ?? []);
        // U+FE0E keeps the arrow a text glyph, not an emoji.
        const back = `<a href="#fnref-${id}" title="Back to the reference">↩\uFE0E</a>`;
        return `<p id="fn-${id}"><small><sup>${escapeHtml(label)}</sup> ${text} ${back}</small></p>\n`;
      },
    },
    {
      name: 'footnoteReference',
      level: 'inline',
      start: (src) => src.indexOf('[^'),
      tokenizer(src) {
        const match = REFERENCE.exec(src);
        if (match === null) return undefined;
        return { type: 'footnoteReference', raw: match[0], label: match[1] ?? '' };
      },
      renderer(token) {
        const { label } = token as FootnoteToken;
        const id = footnoteId(label);
        return `<sup><a href="#fn-${id}" id="fnref-${id}" title="Footnote ${escapeHtml(label)}">${escapeHtml(label)}</a></sup>`;
      },
    },
  ],
};
