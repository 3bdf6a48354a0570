/**
 * A document's passage entries built from its text read a slice at a time, equal to documentEntries'
 * in one go: a 30 MB book split and cut whole is 150 ms of the core's event loop without a break.
 */
import { HeadingScanner } from '../../../common/sections';
import {
  CUT_BEYOND,
  type IndexEntry,
  type PassageText,
  passageCut,
  passageEntry,
  passageRanges,
} from './entries';

/** A section whose end is not known yet: the passages before `passageStart` are out already. */
interface OpenSection {
  index: number;
  heading: string | null;
  passageStart: number;
}

/** Lines that may open a heading or a fence start so (forEachCandidateLine's test). */
const MAY_BE_CANDIDATE = /^ {0,3}[#`~]/;
const ONLY_SPACES = /^ {0,3}$/;
/** Line terminators after which the multiline RegExp of forEachCandidateLine starts a line too. */
const OTHER_BREAKS = /[\r\u2028\u2029]/;

export class PassageSlicer {
  private readonly scanner = new HeadingScanner();
  /** The text from `pendingStart` to the end of what was pushed. */
  private pending = '';
  private pendingStart = 0;
  /** Where the lines not scanned for headings yet start (always a line start). */
  private scannedTo = 0;
  private section: OpenSection = { index: 0, heading: null, passageStart: 0 };
  private out: IndexEntry[] = [];
  /** Whether the unscanned line holds a lone '\r', U+2028 or U+2029 (a line may start after one). */
  private tailHasOtherBreaks = false;

  constructor(private readonly documentId: string) {}

  /** Takes the next slice of the text; answers the passages it completed, in order. */
  push(slice: string): IndexEntry[] {
    this.pending += slice;
    const end = this.pendingStart + this.pending.length;
    // Searched in the new slice only: a text without line breaks must not be searched again and again.
    const lastBreak = slice.lastIndexOf('\n');
    const tail = lastBreak === -1 ? slice : slice.slice(lastBreak + 1);
    this.tailHasOtherBreaks = (lastBreak === -1 && this.tailHasOtherBreaks) || OTHER_BREAKS.test(tail);
    if (lastBreak !== -1) this.scanTo(end - slice.length + lastBreak + 1);
    // A heading can start no earlier than the unscanned line, unless that line cannot be one.
    const rest = this.pending.slice(
      this.scannedTo - this.pendingStart,
      this.scannedTo - this.pendingStart + 4,
    );
    const undecided = this.tailHasOtherBreaks || MAY_BE_CANDIDATE.test(rest) || ONLY_SPACES.test(rest);
    this.cutWhileLonger(undecided ? this.scannedTo : end);
    this.forgetBefore(this.section.passageStart);
    return this.out.splice(0);
  }

  /** The text ended: answers the rest of its passages. */
  end(): IndexEntry[] {
    const end = this.pendingStart + this.pending.length;
    if (end > this.scannedTo) this.scanTo(end);
    this.closeSection(end);
    this.pending = '';
    this.pendingStart = end;
    return this.out.splice(0);
  }

  /** Scans the whole lines up to `linesEnd` for headings, closing a section at each. */
  private scanTo(linesEnd: number): void {
    const lines = this.pending.slice(this.scannedTo - this.pendingStart, linesEnd - this.pendingStart);
    const headings: { start: number; text: string }[] = [];
    this.scanner.scan(lines, this.scannedTo, (start, heading) =>
      headings.push({ start, text: heading.text }),
    );
    this.scannedTo = linesEnd;
    for (const heading of headings) {
      this.closeSection(heading.start);
      this.section = { index: this.section.index + 1, heading: heading.text, passageStart: heading.start };
    }
  }

  /** Cuts the open section's passages while it is longer than CUT_BEYOND up to `known` (its end is further). */
  private cutWhileLonger(known: number): void {
    const { section } = this;
    while (known - section.passageStart > CUT_BEYOND) {
      const local = section.passageStart - this.pendingStart;
      const cut = passageCut(this.pending, local) + this.pendingStart;
      this.emit(section.passageStart, cut);
      section.passageStart = cut;
    }
  }

  /** The open section ends at `end`: its remaining passages go out. */
  private closeSection(end: number): void {
    const from = this.section.passageStart - this.pendingStart;
    for (const [start, stop] of passageRanges(this.pending, from, end - this.pendingStart))
      this.emit(start + this.pendingStart, stop + this.pendingStart);
    this.section.passageStart = end;
  }

  private emit(start: number, end: number): void {
    const body = this.pending.slice(start - this.pendingStart, end - this.pendingStart);
    const passage: PassageText = {
      section: this.section.index,
      heading: this.section.heading,
      start,
      end,
      body,
    };
    const entry = passageEntry(this.documentId, passage);
    if (entry !== null) this.out.push(entry);
  }

  /** Drops the text before `offset` (never past what is still to scan). */
  private forgetBefore(offset: number): void {
    const keepFrom = Math.min(offset, this.scannedTo);
    if (keepFrom <= this.pendingStart) return;
    this.pending = this.pending.slice(keepFrom - this.pendingStart);
    this.pendingStart = keepFrom;
  }
}
