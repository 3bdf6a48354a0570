/**
 * Side panels in a narrow window: below 1,100 px the Contents and Highlights panels are not open
 * together (both would squeeze the column under a readable measure): the one opened last stays.
 */

/** Panels push the column from this width up; both at once only from NARROW_BELOW up. */
export const NARROW_BELOW = 1100;

export interface PanelState {
  tocOpen: boolean;
  highlightsOpen: boolean;
  /** Contents was toggled in this update (else the Highlights panel was, if anything). */
  tocJustToggled: boolean;
  windowWidth: number;
}

/** Which panel to close so one stays, or null when both may stay (wide window, or not both open). */
export function panelToClose(state: PanelState): 'toc' | 'highlights' | null {
  if (!state.tocOpen || !state.highlightsOpen || state.windowWidth >= NARROW_BELOW) return null;
  return state.tocJustToggled ? 'highlights' : 'toc';
}
