/**
 * How a chunk the parser could not format (it threw, took too long, or was too big) is shown:
 * its markdown as plain text, in pieces small enough to lay out in a frame, under a notice.
 */

export const UNFORMATTED_MESSAGE = 'This part could not be formatted; shown as plain text';

/** Characters per piece: a 10 MB paragraph in one text node would take seconds to lay out. */
export const PLAIN_PIECE_CHARS = 6_000;

/**
 * Cuts `text` into pieces of about `size` characters, after a line end or a space when there is
 * one in the last quarter of a piece (so words stay whole). Joining the pieces gives `text` back.
 */
export function plainPieces(text: string, size: number = PLAIN_PIECE_CHARS): string[] {
  const pieces: string[] = [];
  let start = 0;
  while (text.length - start > size) {
    const window = text.slice(start + Math.floor((size * 3) / 4), start + size);
    const newline = window.lastIndexOf('\n');
    const space = window.lastIndexOf(' ');
    const cut = Math.max(newline, space);
    const end = cut === -1 ? start + size : start + Math.floor((size * 3) / 4) + cut + 1;
    pieces.push(text.slice(start, end));
    start = end;
  }
  pieces.push(text.slice(start));
  return pieces;
}

/** Replaces `element`'s content with the notice and `markdown` as text (never parsed as HTML). */
export function renderPlainText(
  element: HTMLElement,
  markdown: string,
  estimatePx: (chars: number) => number,
): void {
  const notice = document.createElement('p');
  notice.className = 'unformatted-notice';
  notice.setAttribute('role', 'note');
  notice.textContent = UNFORMATTED_MESSAGE;
  // Styled here, through the CSSOM (which the CSP allows): the reader's style sheets belong to its components.
  Object.assign(notice.style, {
    fontFamily: 'var(--ui-font, system-ui, sans-serif)',
    fontSize: '0.8em',
    opacity: '0.75',
  });
  const pieces = plainPieces(markdown).map((text) => {
    const piece = document.createElement('div');
    piece.className = 'unformatted';
    piece.textContent = text;
    Object.assign(piece.style, {
      whiteSpace: 'pre-wrap',
      overflowWrap: 'anywhere',
      contentVisibility: 'auto',
      containIntrinsicSize: `auto ${estimatePx(text.length)}px`,
    });
    return piece;
  });
  element.replaceChildren(notice, ...pieces);
}
