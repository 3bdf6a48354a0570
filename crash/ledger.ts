/**
 * The crash test's ledger: the child appends what it is about to write (intent) and what the
 * core acknowledged, each line fsynced; the parent folds the lines into what must be on disk.
 */
import fs from 'node:fs';

/**
 * What one operation does to the things the checks look at, keyed `doc:<id>:place`,
 * `doc:<id>:title`, `doc:<id>:version`, `hl:<docId>:<highlightId>`, `pos:<docId>`,
 * `set:<field>`; the value is what that thing must read afterwards, `*` for "cannot say".
 */
export type Effects = Record<string, string>;

export type LedgerLine =
  | { kind: 'intent'; n: number; op: string; effects: Effects }
  | { kind: 'ack'; n: number; effects: Effects }
  | { kind: 'refused'; n: number; code: string; message: string };

/** Appends lines to the ledger, each durable before the call returns (kill-proof). */
export class LedgerWriter {
  private readonly fd: number;

  constructor(filePath: string) {
    this.fd = fs.openSync(filePath, 'a');
  }

  append(line: LedgerLine): void {
    fs.writeSync(this.fd, `${JSON.stringify(line)}\n`);
    fs.fsyncSync(this.fd);
  }
}

/** Per key, every value the library may hold now: one after an acknowledged write, more after a kill mid-write. */
export type Expectations = Map<string, Set<string>>;

export interface LedgerSummary {
  expectations: Expectations;
  acknowledged: number;
  /** Intents whose answer never came (the child was killed while the core was writing). */
  interrupted: number;
  refused: { op: string; code: string; message: string }[];
  /** Acknowledged writes by operation, to show every kind of write was exercised. */
  byOperation: Record<string, number>;
}

/** Folds the ledger's lines, in order, into expectations. A torn last line (killed mid-append) is ignored. */
export function readLedger(filePath: string): LedgerSummary {
  const text = fs.existsSync(filePath) ? fs.readFileSync(filePath, 'utf8') : '';
  const lines = text.split('\n').flatMap((raw) => parseLine(raw));
  const summary: LedgerSummary = {
    expectations: new Map(),
    acknowledged: 0,
    interrupted: 0,
    refused: [],
    byOperation: {},
  };
  let open: Extract<LedgerLine, { kind: 'intent' }> | null = null;
  for (const line of lines) {
    if (line.kind === 'intent') {
      if (open !== null) widen(summary, open.effects);
      open = line;
    } else if (open !== null && line.n === open.n) {
      if (line.kind === 'ack') {
        settle(summary, { ...open.effects, ...line.effects });
        summary.byOperation[open.op] = (summary.byOperation[open.op] ?? 0) + 1;
      } else summary.refused.push({ op: open.op, code: line.code, message: line.message });
      open = null;
    }
  }
  if (open !== null) widen(summary, open.effects);
  return summary;
}

function parseLine(raw: string): LedgerLine[] {
  if (raw.trim() === '') return [];
  try {
    return [JSON.parse(raw) as LedgerLine];
  } catch {
    return [];
  }
}

function settle(summary: LedgerSummary, effects: Effects): void {
  summary.acknowledged += 1;
  for (const [key, value] of Object.entries(effects)) {
    if (value === '*') summary.expectations.delete(key);
    else summary.expectations.set(key, new Set([value]));
  }
}

// A write that was under way at the kill may or may not have landed: either value is right.
function widen(summary: LedgerSummary, effects: Effects): void {
  summary.interrupted += 1;
  for (const [key, value] of Object.entries(effects)) {
    const values = summary.expectations.get(key);
    if (values === undefined) continue;
    if (value === '*') summary.expectations.delete(key);
    else values.add(value);
  }
}
