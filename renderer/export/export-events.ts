/** The export feature's events: asking for the Export dialog, and its closing. */

const UP = { bubbles: true, composed: true } as const;

/** The user wants to export many documents (the library toolbar's Export… button). */
export class ExportRequestEvent extends Event {
  static readonly eventName = 'export-request';
  constructor() {
    super(ExportRequestEvent.eventName, UP);
  }
}

/** The Export dialog was closed (Esc, Close, or after the report). */
export class ExportDialogCloseEvent extends Event {
  static readonly eventName = 'export-dialog-close';
  constructor() {
    super(ExportDialogCloseEvent.eventName);
  }
}

declare global {
  interface HTMLElementEventMap {
    'export-request': ExportRequestEvent;
    'export-dialog-close': ExportDialogCloseEvent;
  }
}
