/**
 * A cheap structural walk over IPC arguments, run before schema validation: it stops at the
 * first node past a method's caps (bytes of text and binary, node count, depth), so that a huge
 * or hostile payload is refused in time proportional to the cap, never to the payload.
 */
import type { ApiMethod } from '../../preload/api';
import { MAX_IMPORT_BYTES } from '../../common/formats';
import { MAX_ANCHOR_UPDATES, MAX_FILES_PER_IMPORT } from './documents/schemas';

export interface PayloadCaps {
  /** Characters of strings (keys included) plus bytes of binary data. */
  bytes: number;
  /** Values visited: objects, arrays, strings, numbers, ... */
  nodes: number;
  depth: number;
  /** Binary data is only accepted as the `bytes` field of a file (import, update from file). */
  binary: boolean;
}

const MB = 1024 * 1024;
/** A highlight patch with a long note and its tags is the largest ordinary payload (~3 MB). */
export const DEFAULT_CAPS: PayloadCaps = { bytes: 4 * MB, nodes: 20_000, depth: 16, binary: false };
const FILE_OVERHEAD = 64 * 1024;

/** Methods that legitimately carry more than the default. */
const METHOD_CAPS: Partial<Record<ApiMethod, PayloadCaps>> = {
  importFiles: {
    bytes: MAX_FILES_PER_IMPORT * (MAX_IMPORT_BYTES + FILE_OVERHEAD),
    nodes: MAX_FILES_PER_IMPORT * 8 + 16,
    depth: 8,
    binary: true,
  },
  updateDocumentFromFile: { bytes: MAX_IMPORT_BYTES + FILE_OVERHEAD, nodes: 64, depth: 8, binary: true },
  // Each anchor update is ~12 values and at most ~10 KB of quote.
  saveAnchors: { bytes: 64 * MB, nodes: MAX_ANCHOR_UPDATES * 14 + 16, depth: 16, binary: false },
};

export function capsFor(method: ApiMethod): PayloadCaps {
  return METHOD_CAPS[method] ?? DEFAULT_CAPS;
}

/** Why a payload was refused, or null when it is within the caps. */
export function payloadRefusal(value: unknown, caps: PayloadCaps): string | null {
  let bytes = 0;
  let nodes = 0;
  const stack: { value: unknown; depth: number; key: string | null }[] = [{ value, depth: 0, key: null }];
  while (stack.length > 0) {
    const item = stack.pop();
    if (item === undefined) break;
    nodes += 1;
    if (nodes > caps.nodes) return `more than ${caps.nodes} values`;
    if (item.depth > caps.depth) return `nested more than ${caps.depth} levels deep`;
    const current = item.value;
    if (typeof current === 'string') bytes += current.length;
    else if (ArrayBuffer.isView(current) || current instanceof ArrayBuffer) {
      if (!caps.binary || item.key !== 'bytes' || !(current instanceof Uint8Array)) {
        return 'binary data where none is expected';
      }
      bytes += current.byteLength;
    } else if (Array.isArray(current)) {
      // Pushing more items than the node cap allows would already exceed it.
      if (current.length > caps.nodes) return `more than ${caps.nodes} values`;
      for (const element of current) stack.push({ value: element, depth: item.depth + 1, key: null });
    } else if (typeof current === 'object' && current !== null) {
      const keys = Object.keys(current);
      if (keys.length > caps.nodes) return `more than ${caps.nodes} values`;
      for (const key of keys) {
        bytes += key.length;
        stack.push({ value: (current as Record<string, unknown>)[key], depth: item.depth + 1, key });
      }
    }
    if (bytes > caps.bytes) return `larger than ${Math.round(caps.bytes / MB)} MB`;
  }
  return null;
}
