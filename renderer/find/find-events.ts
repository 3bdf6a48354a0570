/** What the find bar asks for, as typed events its controller handles (components never call each other). */
import type { FindOptions } from './find-matches';

/** The query or an option changed (as typed: the controller debounces). */
export class FindInputEvent extends Event {
  static readonly eventName = 'find-input';
  constructor(
    readonly query: string,
    readonly options: FindOptions,
  ) {
    super(FindInputEvent.eventName, { bubbles: true, composed: true });
  }
}

export type FindCommand = 'next' | 'previous' | 'highlight' | 'close';

/** Go to the next or previous match, highlight the current one, or close the bar. */
export class FindCommandEvent extends Event {
  static readonly eventName = 'find-command';
  constructor(readonly command: FindCommand) {
    super(FindCommandEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'find-input': FindInputEvent;
    'find-command': FindCommandEvent;
  }
}
