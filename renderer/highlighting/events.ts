/**
 * What the highlight components ask for, sent up as one typed event the controller handles
 * (components never call each other's methods).
 */
import type { HighlightColor } from '../../preload/api';

export type HighlightCommand =
  | { kind: 'create'; color: HighlightColor }
  | { kind: 'recolor'; id: string; color: HighlightColor }
  /** With its citation as markdown; `plain`: the quote's text alone. */
  | { kind: 'copy'; id: string; plain?: boolean }
  | { kind: 'delete'; id: string }
  /** Pick one of several overlapping highlights (the chooser). */
  | { kind: 'choose'; id: string }
  /** Go to a highlight from the panel: scroll, flash, select. */
  | { kind: 'show'; id: string }
  | { kind: 'reattach'; id: string }
  /** A highlight to check is where it belongs. */
  | { kind: 'confirm'; id: string }
  /** Move a highlight to check to its next candidate place. */
  | { kind: 'next-candidate'; id: string }
  | { kind: 'dismiss' }
  /** Replace a highlight's tags (the popover's tag input). */
  | { kind: 'tags'; id: string; tags: string[] };

export class HighlightCommandEvent extends Event {
  static readonly eventName = 'highlight-command';
  constructor(readonly command: HighlightCommand) {
    super(HighlightCommandEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'highlight-command': HighlightCommandEvent;
  }
}

/** The first words of a quote, for short listings. */
export function firstWords(text: string, words = 8): string {
  const parts = text.trim().split(/\s+/);
  return parts.slice(0, words).join(' ') + (parts.length > words ? '…' : '');
}
