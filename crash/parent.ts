/**
 * The crash test (`npm run test:crash`): starts the driver child on one library folder, kills
 * it with SIGKILL at a random moment, checks the folder, and again, CRASH_KILLS times (300).
 * Every finding fails the run. CRASH_SEED replays a run.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Finding, checkLibrary } from './check';
import { readLedger } from './ledger';
import { seededRandom } from './texts';

interface Recorded extends Finding {
  firstKill: number;
  times: number;
}

const kills = Number(process.env.CRASH_KILLS ?? 300);
const seed = Number(process.env.CRASH_SEED ?? Math.floor(Math.random() * 1e9));
const driverScript = path.join(import.meta.dirname, 'driver.mjs');

async function main(): Promise<void> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'lectern-crash-'));
  const root = path.join(work, 'library');
  const ledger = path.join(work, 'ledger.jsonl');
  const random = seededRandom(seed);
  const findings = new Map<string, Recorded>();
  const started = performance.now();
  let checksMade = 0;
  let acknowledged = 0;
  say(`crash test: seed ${seed}, ${kills} kills, library ${root}`);
  let next = startDriver(root, ledger, 1);
  for (let kill = 1; kill <= kills; kill++) {
    const early = await goAndKill(next, random);
    // The next driver loads its modules while this run is checked.
    if (kill < kills) next = startDriver(root, ledger, kill + 1);
    if (early !== null) note(findings, { check: 'child', subject: 'driver', detail: early }, kill);
    const summary = readLedger(ledger);
    const report = await checkLibrary(root, summary.expectations);
    checksMade += report.checksMade;
    acknowledged = summary.acknowledged;
    if (report.staleLock)
      note(findings, { check: 'stale-lock', subject: 'lock', detail: 'reopened at once' }, kill);
    for (const finding of report.findings) note(findings, finding, kill);
    if (kill % 50 === 0)
      say(`  ${kill} kills, ${acknowledged} writes acknowledged, ${findings.size} distinct findings`);
  }
  const summary = readLedger(ledger);
  // The driver sends only valid calls: a refusal as invalid or internal means it and the contract
  // drifted apart (or a bug), and the operations it meant to exercise never ran.
  for (const refusal of summary.refused.filter((r) => r.code === 'invalid-argument' || r.code === 'internal'))
    note(
      findings,
      { check: 'refused', subject: refusal.op, detail: `${refusal.code}: ${refusal.message}` },
      kills,
    );
  const failed = printReport(findings, {
    kills,
    acknowledged: summary.acknowledged,
    interrupted: summary.interrupted,
    refused: summary.refused.length,
    checksMade,
    seconds: (performance.now() - started) / 1000,
  });
  const kinds = Object.entries(summary.byOperation).toSorted(([a], [b]) => a.localeCompare(b));
  say(`  acknowledged by operation: ${kinds.map(([op, n]) => `${op} ${n}`).join(', ')}`);
  for (const refusal of summary.refused.slice(0, 5))
    say(`  refused ${refusal.op}: ${refusal.code} ${refusal.message}`);
  if (failed === 0) fs.rmSync(work, { recursive: true, force: true });
  else say(`library and ledger kept in ${work}`);
  process.exitCode = failed > 0 ? 1 : 0;
}

interface Driver {
  child: ChildProcess;
  kill: number;
  stderr: () => string;
  exited: Promise<number | null>;
}

/** Starts the driver for run `kill`; it loads its modules, then waits for the go line. */
function startDriver(root: string, ledger: string, kill: number): Driver {
  const child = spawn(process.execPath, [driverScript, root, ledger, String(seed), String(kill)], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, kill, stderr: () => stderr, exited };
}

/** Lets the driver open the library, kills it at a random moment; returns why it ended early, if it did. */
async function goAndKill(driver: Driver, random: () => number): Promise<string | null> {
  const { child, exited } = driver;
  child.stdin?.write('go\n');
  // One kill in ten lands while the library opens (backup, recovery); the rest while it writes.
  if (random() < 0.1) await delay(random() * 150);
  else await Promise.race([ready(child), exited]).then(() => delay(random() * random() * 500));
  const endedAlone = child.exitCode !== null;
  child.kill('SIGKILL');
  const code = await exited;
  return endedAlone
    ? `run ${driver.kill} ended by itself (exit ${code}): ${driver.stderr().slice(0, 500)}`
    : null;
}

function ready(child: ChildProcess): Promise<void> {
  return new Promise((resolve) =>
    child.stdout?.on('data', (chunk: Buffer) => chunk.includes('ready') && resolve()),
  );
}

/** The run's figures and findings go to stdout: they are the test's output, not diagnostics. */
const say = (text: string): void => void process.stdout.write(`${text}\n`);

const delay = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function note(findings: Map<string, Recorded>, finding: Finding, kill: number): void {
  const key = `${finding.check}|${finding.subject}`;
  const seen = findings.get(key);
  if (seen !== undefined) seen.times += 1;
  else findings.set(key, { ...finding, firstKill: kill, times: 1 });
}

interface Figures {
  kills: number;
  acknowledged: number;
  interrupted: number;
  refused: number;
  checksMade: number;
  seconds: number;
}

/** Prints figures and findings; returns how many findings fail the run. */
function printReport(findings: Map<string, Recorded>, figures: Figures): number {
  const all = [...findings.values()];
  say(
    `crash test figures: kills ${figures.kills}, operations acknowledged ${figures.acknowledged}, ` +
      `interrupted mid-write ${figures.interrupted}, refused ${figures.refused}, checks made ${figures.checksMade}, ` +
      `failures ${all.length}, ${figures.seconds.toFixed(1)} s`,
  );
  for (const finding of all) printFinding('FAIL', finding);
  return all.length;
}

function printFinding(label: string, finding: Recorded): void {
  say(
    `  ${label} ${finding.check} ${finding.subject}: ${finding.detail} (first after kill ${finding.firstKill}, seen ${finding.times}x)`,
  );
}

await main();
