/**
 * The last step of placing one highlight: from every candidate the search scored, decide
 * whether the best is justified (placed), plausible but not certain ("check this", with the
 * runners-up) or not good enough (unplaced). The evidence asked for grows with ambiguity: a
 * short quote needs agreeing context, and a close runner-up elsewhere means no guess.
 */
import type { ScoredCandidate } from './score';
import type { Anchor, AnchorMethod, CandidatePlace, CheckReason } from './types';

/** A scored candidate with the search step that found it. */
export interface Found extends ScoredCandidate {
  method: AnchorMethod;
}

/** A runner-up within this score of the best makes the choice a guess. */
export const CLOSE_SCORE = 0.04;
/** Below this context agreement, a candidate that is not justified is not even worth checking. */
const CHECK_CONTEXT = 0.5;
const MAX_ALTERNATIVES = 3;

/**
 * Mean prefix/suffix similarity a quote of `length` characters needs to be placed without
 * doubt: a word or two occurs everywhere, so its context must agree; a long passage is its
 * own evidence. Context made of chance text scores about 0.3.
 */
export function requiredContext(length: number): number {
  if (length < 12) return 0.8;
  if (length < 40) return 0.7;
  if (length < 120) return 0.55;
  return 0.4;
}

/**
 * Share of a quote's characters that may differ in a placed match. Typographic fixes and a
 * changed letter stay well below it; a match that lost a tenth of its text (a paragraph cut
 * out of it, text inserted into it, a chance near-match) may cover only part of the passage,
 * so it is shown for checking instead.
 */
export const PLACED_ERRORS = 0.1;
/**
 * Both ends of an approximate match must still have their context (chance text scores ~0.3):
 * a match sliding across an edit at one end agrees on one side only.
 */
export const FUZZY_SIDE = 0.5;

/** True when the candidate's quote and context together justify placing it. */
export function justified(candidate: ScoredCandidate, quoteLength: number, minScore: number): boolean {
  return (
    candidate.score >= minScore &&
    candidate.context >= requiredContext(quoteLength) &&
    candidate.errors <= quoteLength * PLACED_ERRORS &&
    (candidate.errors === 0 || candidate.weakerSide >= FUZZY_SIDE)
  );
}

function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}

/** Candidates other than `best` and not overlapping it (nor each other), best first. */
export function rivalsOf(best: Found, candidates: readonly Found[]): Found[] {
  const rivals: Found[] = [];
  for (const candidate of candidates.toSorted((a, b) => b.score - a.score)) {
    if (overlaps(candidate, best) || rivals.some((r) => overlaps(r, candidate))) continue;
    rivals.push(candidate);
  }
  return rivals;
}

function place(candidate: Found, status: Anchor['status'], alternatives: CandidatePlace[]): Anchor {
  const { start, end, method, score } = candidate;
  return { start, end, method, score, status, alternatives };
}

/** A "check this" anchor on `best`, with its strongest rivals as alternatives. */
export function checkAnchor(best: Found, rivals: readonly Found[], reason: CheckReason): Anchor {
  const alternatives = rivals
    .slice(0, MAX_ALTERNATIVES)
    .map(({ start, end, score }) => ({ start, end, score }));
  return { ...place(best, 'check', alternatives), reason };
}

/** A placed anchor on `candidate`. */
export function placedAnchor(candidate: Found): Anchor {
  return place(candidate, 'placed', []);
}

/** Context agreement at which a rival reads as the same passage. */
const RIVAL_CONTEXT = 0.7;

/**
 * True when `best` is the exact quote with one side of its context intact (the neighbour on the
 * other side was edited, deleted or moved) and no rival's context reads like the stored one:
 * an unchanged quote beside 16+ unchanged characters of its stored context is no chance match.
 */
function oneSideSettles(best: Found, rivals: readonly Found[], minScore: number): boolean {
  return (
    best.errors === 0 &&
    best.intactSide &&
    best.score >= minScore &&
    rivals.every((r) => r.context < RIVAL_CONTEXT)
  );
}

/** The outcome for a quote of `quoteLength` characters given all scored candidates. */
export function decide(candidates: readonly Found[], quoteLength: number, minScore: number): Anchor | null {
  const best = candidates.reduce<Found | null>(
    (top, c) => (top === null || c.score > top.score ? c : top),
    null,
  );
  if (best === null) return null;
  const rivals = rivalsOf(best, candidates);
  if (!justified(best, quoteLength, minScore)) {
    if (oneSideSettles(best, rivals, minScore)) return placedAnchor(best);
    return best.score >= minScore && best.context >= CHECK_CONTEXT
      ? checkAnchor(best, rivals, 'unjustified')
      : null;
  }
  const [runnerUp] = rivals;
  const close = runnerUp !== undefined && runnerUp.score >= best.score - CLOSE_SCORE;
  // More agreeing characters (intact context around an edited quote) is evidence too.
  if (close || (runnerUp !== undefined && runnerUp.agreement > best.agreement))
    return checkAnchor(best, rivals, 'closeRival');
  return placedAnchor(best);
}
