/**
 * The reader's Esc order, as data: a list of layers from the innermost out, and Esc closes
 * the first one that is open. Pure, so the order is unit-tested without a DOM.
 */

export interface EscapeLayer {
  /** For tests and debugging: what the layer is ("settings", "panel", ...). */
  readonly name: string;
  isOpen(): boolean;
  close(): void;
}

/** Closes the innermost open layer; returns its name, or null when none was open. */
export function closeInnermost(layers: readonly EscapeLayer[]): string | null {
  const open = layers.find((layer) => layer.isOpen());
  open?.close();
  return open?.name ?? null;
}
