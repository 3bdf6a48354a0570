/**
 * Puts a document's sections on the page progressively. Every section has an estimated height at
 * once, and an element (a placeholder of that height) from when it is first attached or needed:
 * the first frame makes only those around the reading place. A section is cut into chunks (each with content-visibility,
 * so offscreen ones cost no layout) when it is first needed. All parsing happens in the parse
 * worker: what the reader looks at is asked for first and inserted as soon as it arrives, the
 * rest is sanitized and inserted in idle-time slices. A chunk the parser gives up on is shown
 * as plain text with a notice, so the reader is never blank.
 */
import type { Chunk } from './chunk-element';
import { IdleQueue } from './idle-queue';
import { sharedParseClient, type ParseClient } from './parse-client';
import type { ChunkOutcome } from './parse-protocol';
import { renderPlainText } from './plain-fallback';
import { renderSanitized } from './sanitize';
import { SectionLayout, type Typography } from './section-layout';
import { blocksOf } from './section-window';
import type { Section } from './sections';

export { warmUpRendering } from './warm-up';
export type { Typography } from './section-layout';

export class ProgressiveRenderer extends SectionLayout {
  /** Chunks parsed in the background, inserted in idle slices. */
  private readonly pending = new IdleQueue<Chunk>((chunk) => {
    if (!chunk.rendered && chunk.html !== null) this.fill(chunk, chunk.html);
  });
  /** Sections [0, renderedPrefix) are rendered (and stay so): checks go on from there, not from 0. */
  private renderedPrefix = 0;
  private allRendered = false;
  private disposed = false;
  /** The open document, whose `assets/<name>` pictures its sections may show. */
  picturesOf: string | null = null;

  constructor(
    sections: readonly Section[],
    typography: Typography,
    private readonly onAllRendered: () => void,
    private readonly parser: ParseClient = sharedParseClient(),
  ) {
    super(sections, typography);
  }

  isSectionRendered(index: number): boolean {
    return this.states[index]?.chunks?.every((chunk) => chunk.rendered) ?? false;
  }

  /**
   * Shows a section as soon as it can: what is parsed already now, the rest the moment the
   * worker has it (ahead of everything else).
   */
  renderSectionNow(index: number): void {
    const state = this.states[index];
    const chunks = this.materialize(index);
    for (const chunk of chunks) {
      chunk.wanted = true;
      if (!chunk.rendered && chunk.html !== null) this.fill(chunk, chunk.html);
    }
    if (!state || chunks.every((chunk) => chunk.rendered)) return this.checkDone();
    this.requestRemaining(index, true);
    for (const handle of state.requests) handle.promote();
  }

  /**
   * Renders what the reader will see first: the chunks of `section` up to text `offset`, then
   * following chunks until about `minHeight` px of text lie below that point. Settles when they
   * are all on the page (formatted, or as plain text when the parser gave up on them).
   */
  async renderForReading(section: number, offset: number, minHeight: number): Promise<void> {
    const wanted: Chunk[] = [];
    let text = 0;
    let height = 0;
    for (let index = section; index < this.sections.length && height < minHeight; index++) {
      const chunks = this.materialize(index);
      let from = -1;
      let to = 0;
      if (this.sections[index]?.pendingLength !== undefined) break; // Its text has not arrived.
      for (const [i, chunk] of chunks.entries()) {
        if (height >= minHeight) break;
        // Markdown is a little longer than its text: this errs towards rendering more.
        if (text > offset || index > section) height += this.estimate(chunk.markdown.length, chunk.blocks);
        text += chunk.markdown.length;
        if (text <= offset && index === section) continue;
        if (from === -1) from = i;
        to = i + 1;
        chunk.wanted = true;
        wanted.push(chunk);
      }
      const state = this.states[index];
      if (state && from !== -1) {
        state.urgentRange = [from, to];
        this.request(index, from, to, true);
      }
    }
    await Promise.all(wanted.map((chunk) => chunk.settled));
  }

  /**
   * The text of sections [from, to) that were pending has arrived (the array's slots now hold
   * it): count their blocks; they are cut into chunks when needed, like any other.
   */
  textArrived(from = 0, to = this.sections.length): void {
    for (let index = from; index < to; index++) {
      const [state, section] = [this.states[index], this.sections[index]];
      if (state && section && !state.chunks) state.blocks = blocksOf(section);
    }
  }

  /** Starts background rendering of everything else, nearest to `around` first. */
  renderRest(around: number): void {
    const order = [...this.sections.keys()].toSorted((a, b) => priority(a, around) - priority(b, around));
    for (const index of order) if (!this.isSectionRendered(index)) this.requestRemaining(index, false);
    this.checkDone();
  }

  /** Asks for a section and its neighbours next (the reader is there). */
  prioritize(index: number): void {
    for (const i of [index, index + 1, index - 1]) {
      for (const handle of this.states[i]?.requests ?? []) handle.promote();
    }
  }

  dispose(): void {
    this.disposed = true;
    for (const state of this.states) for (const handle of state.requests) handle.cancel();
    this.pending.stop();
    this.disposeLayout();
  }

  /** Asks for the chunks of a section not asked for yet. */
  private requestRemaining(index: number, urgent: boolean): void {
    const state = this.states[index];
    if (!state || state.allRequested) return;
    state.allRequested = true;
    const range = state.urgentRange;
    if (!range) return this.request(index, 0, Infinity, urgent);
    if (range[0] > 0) this.request(index, 0, range[0], urgent);
    this.request(index, range[1], Infinity, urgent);
  }

  private request(section: number, from: number, to: number, urgent: boolean): void {
    const state = this.states[section];
    if (!state) return;
    const markdown = this.sections[section]?.markdown ?? '';
    const onChunk = (index: number, outcome: ChunkOutcome): void => this.receive(section, index, outcome);
    state.requests.push(this.parser.parse({ markdown, from, to, onChunk }, urgent));
  }

  private receive(section: number, index: number, outcome: ChunkOutcome): void {
    if (this.disposed) return;
    const chunk = this.materialize(section)[index];
    if (!chunk || chunk.rendered || chunk.html !== null) return;
    if (!outcome.ok) {
      renderPlainText(chunk.element, chunk.markdown, (chars) => this.estimate(chars, 1));
      this.markRendered(chunk);
    } else if (chunk.wanted) this.fill(chunk, outcome.html);
    else {
      chunk.html = outcome.html;
      this.pending.push(chunk);
    }
  }

  private fill(chunk: Chunk, html: string): void {
    renderSanitized(chunk.element, html, this.picturesOf);
    this.markRendered(chunk);
  }

  private markRendered(chunk: Chunk): void {
    chunk.rendered = true;
    chunk.html = null;
    chunk.element.classList.remove('pending');
    chunk.element.style.removeProperty('height');
    chunk.settle();
    this.checkDone();
  }

  private checkDone(): void {
    if (this.disposed || this.allRendered || this.states.length === 0) return;
    while (this.renderedPrefix < this.states.length && this.isSectionRendered(this.renderedPrefix))
      this.renderedPrefix += 1;
    this.allRendered = this.renderedPrefix === this.states.length;
    if (this.allRendered) this.onAllRendered();
  }
}

/** Sections after the reader's place come first (reading goes forward), then those before it. */
function priority(index: number, around: number): number {
  return index >= around ? index - around : 1e6 + (around - index);
}
