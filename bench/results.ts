/**
 * bench/results.json: `{ "<metric>": { value, unit, target } }`, merged so each benchmark
 * (and later issues) can add metrics without losing the others. The metrics measured in the
 * current run are also listed in bench/.tmp/current-run.json for the summary table.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Metric {
  value: number;
  unit: string;
  /** null: a figure the issues ask to be reported, with no target. */
  target: number | null;
}

export const benchDir = import.meta.dirname;
export const resultsFile = join(benchDir, 'results.json');
const currentRunFile = join(benchDir, '.tmp', 'current-run.json');

const readJson = <T>(file: string, fallback: T): T => {
  if (!existsSync(file)) return fallback;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as T;
  } catch {
    return fallback;
  }
};

export const readResults = (): Record<string, Metric> => readJson(resultsFile, {});

export const metricsOfThisRun = (): string[] => readJson(currentRunFile, []);

export function startRun(): void {
  mkdirSync(join(benchDir, '.tmp'), { recursive: true });
  writeFileSync(currentRunFile, '[]\n');
}

/** Benchmarks run one at a time (workers: 1), so read-merge-write is safe. */
export function recordMetric(name: string, value: number, target: number | null, unit = 'ms'): void {
  const results = readResults();
  results[name] = {
    value: unit === 'ms' ? Math.round(value * 10) / 10 : Math.round(value * 10000) / 10000,
    unit,
    target,
  };
  const sorted = Object.fromEntries(Object.entries(results).toSorted(([a], [b]) => a.localeCompare(b)));
  writeFileSync(resultsFile, `${JSON.stringify(sorted, null, 2)}\n`);
  const run = new Set(metricsOfThisRun());
  run.add(name);
  mkdirSync(join(benchDir, '.tmp'), { recursive: true });
  writeFileSync(currentRunFile, `${JSON.stringify([...run])}\n`);
}

export function median(values: readonly number[]): number {
  const sorted = values.toSorted((a, b) => a - b);
  const middle = sorted.length >> 1;
  if (sorted.length === 0) return Number.NaN;
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** The table printed at the end of `npm run bench`. */
export function formatTable(results: Record<string, Metric>, names: readonly string[]): string {
  const rows = names
    .filter((name) => results[name] !== undefined)
    .map((name) => {
      const { value, unit, target } = results[name] as Metric;
      if (target === null) return [name, `${value} ${unit}`, '—', 'reported'];
      // A ratio (accuracy) is better higher; everything else (time) lower.
      const ok = unit === 'ratio' ? value >= target : value <= target;
      return [name, `${value} ${unit}`, `${target} ${unit}`, ok ? 'ok' : unit === 'ratio' ? 'UNDER' : 'OVER'];
    });
  const header = ['metric', 'value', 'target', 'ok?'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] as string).length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] as number)).join('  ');
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}
