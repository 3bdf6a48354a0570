/**
 * Puts a document's sections on the page progressively. Every section exists at once as a
 * placeholder of estimated height; a section is cut into chunks (each with content-visibility,
 * so offscreen ones cost no layout) when it is first rendered. What the reader looks at is
 * rendered synchronously; the rest is parsed in a worker and sanitized and inserted on the main
 * thread in idle-time slices.
 */
import { countBlocks, estimateHeight, splitIntoChunks } from './chunks';
import { markdownToHtml } from './markdown';
import type { FromParseWorker, ParseJob, ToParseWorker } from './parse-protocol';
import { renderSanitized, sanitizeToFragment } from './sanitize';
import type { Section } from './sections';

export interface Typography {
  fontSize: number;
  lineWidth: number;
  lineHeight: number;
}

interface Chunk {
  markdown: string;
  blocks: number;
  element: HTMLElement;
  rendered: boolean;
}

interface SectionState {
  element: HTMLElement;
  blocks: number;
  /** Null until the section is first rendered (then cut into chunks). */
  chunks: Chunk[] | null;
}

/** Longest main-thread slice for inserting worker output, in ms. */
const SLICE_MS = 8;

export class ProgressiveRenderer {
  readonly sectionElements: HTMLElement[] = [];
  private readonly states: SectionState[] = [];
  private pending: { chunk: Chunk; html: string }[] = [];
  private remainingSections: number;
  private worker: Worker | null = null;
  private sliceScheduled = false;
  private disposed = false;

  constructor(
    private readonly sections: readonly Section[],
    private typography: Typography,
    private readonly onAllRendered: () => void,
  ) {
    this.remainingSections = sections.length;
  }

  /** Builds a sized placeholder element for every section into `container`. */
  mount(container: HTMLElement): void {
    const fragment = document.createDocumentFragment();
    for (const section of this.sections) {
      const element = document.createElement('section');
      element.className = 'sec pending';
      element.dataset.section = String(section.index);
      element.tabIndex = -1;
      const state: SectionState = { element, blocks: countBlocks(section.markdown), chunks: null };
      this.states.push(state);
      this.sizePlaceholder(state, section);
      this.sectionElements.push(element);
      fragment.append(element);
    }
    container.replaceChildren(fragment);
  }

  isSectionRendered(index: number): boolean {
    return this.states[index]?.chunks?.every((chunk) => chunk.rendered) ?? false;
  }

  /** Renders every chunk of a section now, on this thread. */
  renderSectionNow(index: number): void {
    for (const chunk of this.materialize(index)) if (!chunk.rendered) this.fillNow(chunk);
  }

  /**
   * Renders what the reader will see first: the chunks of `section` up to text `offset`, then
   * following chunks until about `minHeight` px of text lie below that point.
   */
  renderForReading(section: number, offset: number, minHeight: number): void {
    let text = 0;
    let height = 0;
    let reachedOffset = false;
    for (let index = section; index < this.sections.length && height < minHeight; index++) {
      for (const chunk of this.materialize(index)) {
        if (height >= minHeight) break;
        if (!chunk.rendered) this.fillNow(chunk);
        if (reachedOffset) height += this.estimate(chunk.markdown.length, chunk.blocks);
        text += chunk.element.textContent?.length ?? 0;
        if (!reachedOffset && (index > section || text > offset)) reachedOffset = true;
      }
    }
  }

  /** Starts background rendering of everything else, nearest to `around` first. */
  renderRest(around: number): void {
    const order = [...this.sections.keys()].toSorted((a, b) => priority(a, around) - priority(b, around));
    const jobs: ParseJob[] = order
      .filter((index) => !this.isSectionRendered(index))
      .map((index) => ({ section: index, markdown: this.sections[index]?.markdown ?? '' }));
    this.checkDone();
    if (jobs.length === 0) return;
    try {
      this.worker = new Worker(new URL('./parse.worker.ts', import.meta.url), { type: 'module' });
      this.worker.addEventListener('message', (event: MessageEvent<FromParseWorker>) =>
        this.receive(event.data),
      );
      this.worker.addEventListener('error', () => this.fallBackToMainThread());
      this.send({ type: 'parse', jobs });
    } catch {
      this.fallBackToMainThread();
    }
  }

  /** Asks the worker to parse a section and its neighbours next (the reader is there). */
  prioritize(index: number): void {
    const sections = [index, index + 1, index - 1].filter(
      (i) => i >= 0 && i < this.sections.length && !this.isSectionRendered(i),
    );
    if (sections.length > 0) this.send({ type: 'prioritize', sections });
  }

  /** New typography: re-estimate the size of everything not yet laid out. */
  setTypography(typography: Typography): void {
    this.typography = typography;
    this.states.forEach((state, index) => {
      const section = this.sections[index];
      if (section && !state.chunks) this.sizePlaceholder(state, section);
      for (const chunk of state.chunks ?? []) this.sizeChunk(chunk);
    });
  }

  dispose(): void {
    this.disposed = true;
    this.worker?.terminate();
    this.worker = null;
    this.pending = [];
  }

  private send(message: ToParseWorker): void {
    this.worker?.postMessage(message);
  }

  private estimate(chars: number, blocks: number): number {
    return estimateHeight(chars, blocks, this.typography);
  }

  private sizePlaceholder(state: SectionState, section: Section): void {
    state.element.style.height = `${this.estimate(section.markdown.length, state.blocks)}px`;
  }

  private sizeChunk(chunk: Chunk): void {
    const height = this.estimate(chunk.markdown.length, chunk.blocks);
    // `auto` keeps the real size once a chunk has been laid out; the number covers the rest.
    chunk.element.style.containIntrinsicSize = `auto ${height}px`;
    if (!chunk.rendered) chunk.element.style.height = `${height}px`;
  }

  /** Cuts a section into chunk elements (pending, sized) the first time it is needed. */
  private materialize(index: number): Chunk[] {
    const state = this.states[index];
    if (!state) return [];
    if (state.chunks) return state.chunks;
    const chunks = splitIntoChunks(this.sections[index]?.markdown ?? '').map((markdown) => {
      const element = document.createElement('div');
      element.className = 'chunk pending';
      const chunk: Chunk = { markdown, blocks: countBlocks(markdown), element, rendered: false };
      this.sizeChunk(chunk);
      return chunk;
    });
    state.chunks = chunks;
    state.element.replaceChildren(...chunks.map((chunk) => chunk.element));
    state.element.classList.remove('pending');
    state.element.style.removeProperty('height');
    return chunks;
  }

  private fillNow(chunk: Chunk): void {
    this.fill(chunk, markdownToHtml(chunk.markdown));
  }

  private fill(chunk: Chunk, html: string): void {
    renderSanitized(chunk.element, html);
    chunk.rendered = true;
    chunk.element.classList.remove('pending');
    chunk.element.style.removeProperty('height');
  }

  private checkDone(): void {
    if (this.disposed || this.remainingSections === 0) return;
    this.remainingSections = this.states.filter((_, index) => !this.isSectionRendered(index)).length;
    if (this.remainingSections > 0) return;
    this.worker?.terminate();
    this.worker = null;
    this.onAllRendered();
  }

  private receive(message: FromParseWorker): void {
    if (this.disposed) return;
    if (message.type === 'done') return this.scheduleSlice();
    for (const parsed of message.sections) {
      const chunks = this.materialize(parsed.section);
      parsed.chunks.forEach((html, i) => {
        const chunk = chunks[i];
        if (chunk && !chunk.rendered) this.pending.push({ chunk, html });
      });
    }
    this.scheduleSlice();
  }

  private scheduleSlice(): void {
    if (this.sliceScheduled || this.disposed) return;
    this.sliceScheduled = true;
    const run = (): void => {
      this.sliceScheduled = false;
      this.insertSlice();
    };
    if ('requestIdleCallback' in window) requestIdleCallback(run, { timeout: 100 });
    else setTimeout(run, 0);
  }

  private insertSlice(): void {
    const deadline = performance.now() + SLICE_MS;
    while (this.pending.length > 0 && performance.now() < deadline && !this.disposed) {
      const next = this.pending.shift();
      if (next && !next.chunk.rendered) this.fill(next.chunk, next.html);
    }
    if (this.pending.length > 0) this.scheduleSlice();
    else this.checkDone();
  }

  /** Without a worker, parse on this thread too, one slice at a time. */
  private fallBackToMainThread(): void {
    this.worker?.terminate();
    this.worker = null;
    let index = 0;
    const step = (): void => {
      const deadline = performance.now() + SLICE_MS;
      for (; index < this.sections.length && !this.disposed; index++) {
        if (performance.now() >= deadline) return void setTimeout(step, 0);
        this.renderSectionNow(index);
      }
      this.checkDone();
    };
    setTimeout(step, 0);
  }
}

/** Markdown touching the common parser and sanitizer paths, for warming them up. */
const WARM_UP_SAMPLE = [
  '# Title',
  '## Part *one*',
  '### Chapter I',
  'A paragraph with *emphasis*, **strong**, _under_, ~~gone~~, `code` and a [link](https://example.org).',
  'Prose: "quotes", \u2018single\u2019, dashes \u2014 and 1805; see www.example.org, <https://example.org>, me@example.org and [EBook #2600].',
  '*** START OF THE BOOK ***',
  'Title: War and Peace\\\nwith a hard break and an escaped \\* star.',
  '<em>inline html</em> and <br>',
  '<div>an html block</div>',
  '> A quotation\n> over two lines.',
  '- a list\n- of items\n- [ ] a task\n\n1. ordered\n2. list',
  '```js\nconst x = 1;\n```',
  '    indented code',
  '| a | b |\n|---|---|\n| 1 | 2 |',
  '---',
  'Setext\n======',
  '![image](data:image/png;base64,AAAA) and ![remote](https://example.org/a.png) and [ref][1]\n\n[1]: https://example.org',
].join('\n\n');

/**
 * Runs the parser and sanitizer once on a small sample so that their first real use, on the
 * critical path of opening a document, does not pay for JIT warm-up (about 40 ms cold vs 2 ms).
 */
export function warmUpRendering(): void {
  for (let i = 0; i < 3; i++) sanitizeToFragment(markdownToHtml(WARM_UP_SAMPLE));
}

/** Sections after the reader's place come first (reading goes forward), then those before it. */
function priority(index: number, around: number): number {
  return index >= around ? index - around : 1e6 + (around - index);
}
