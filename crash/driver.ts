/**
 * The crash test's child: opens the library through the core's outer surface and runs a
 * seeded stream of writing operations until the parent kills it, ledgering each one.
 * Usage (bundled by crash/run.mjs): node driver.mjs <libraryRoot> <ledgerFile> <seed> <runIndex>
 */
import { createHandlers } from '../main/library/handlers';
import { openLibrary } from '../main/library/library';
import { LedgerWriter } from './ledger';
import { type Operation, type World, adopt, adoptNotes, operations } from './operations';
import { loadParagraphs, pick, seededRandom } from './texts';

const noPlatform = {
  chooseFilesToImport: async () => null,
  chooseExportFolder: async () => null,
  chooseFileToUpdate: async () => null,
  openExternal: async () => undefined,
};

async function main(): Promise<void> {
  const [root, ledgerFile, seedText, runText] = process.argv.slice(2);
  if (root === undefined || ledgerFile === undefined)
    throw new Error('usage: driver <root> <ledger> <seed> <run>');
  const random = seededRandom(Number(seedText) * 100_003 + Number(runText));
  const paragraphs = loadParagraphs();
  // Started while the parent still checks the previous run: load everything, then wait for "go".
  await goSignal();
  // Logs are folded every few changes, so that kills land in folds too (not only in appends).
  const library = await openLibrary({ root, logLimits: { records: 3, bytes: 64 * 1024 } });
  // Unexpected errors are the parent's business: they come back as `internal` and are ledgered.
  const handlers = createHandlers(library, noPlatform, () => undefined);
  const world = await observe(handlers, random, paragraphs, `${seedText}-${runText}`);
  const ledger = new LedgerWriter(ledgerFile);
  process.stdout.write('ready\n');
  for (let n = 0; ; n++) {
    const operation = pick(
      random,
      operations.filter((candidate) => candidate.possible(world)),
    );
    await runOne(ledger, world, operation, Number(runText) * 1_000_000 + n);
  }
}

async function runOne(ledger: LedgerWriter, world: World, operation: Operation, id: number): Promise<void> {
  const planned = operation.plan(world);
  ledger.append({ kind: 'intent', n: id, op: operation.name, effects: planned.effects });
  const outcome = await planned.run();
  if (!outcome.ok) {
    ledger.append({ kind: 'refused', n: id, code: outcome.code, message: outcome.message });
    return;
  }
  ledger.append({ kind: 'ack', n: id, effects: outcome.effects });
  await outcome.after();
}

/** What the library holds now (the previous run may have been killed mid-write). */
async function observe(
  handlers: ReturnType<typeof createHandlers>,
  random: () => number,
  paragraphs: string[],
  token: string,
): Promise<World> {
  const listed = await handlers.listDocuments();
  const trash = await handlers.listTrash();
  if (!listed.ok || !trash.ok) throw new Error('the library cannot be listed');
  const world: World = {
    handlers,
    random,
    paragraphs,
    token,
    counter: 0,
    documents: new Map(),
    trash: new Set(trash.value.map((entry) => entry.id)),
    deletedHighlights: [],
    notes: new Map(),
    trashedNotes: new Set(),
    renamedTags: [],
  };
  for (const summary of listed.value) await adopt(world, summary);
  await adoptNotes(world);
  return world;
}

/** Resolves when the parent writes a line on stdin; exits when the parent goes away first. */
function goSignal(): Promise<void> {
  return new Promise((resolve) => {
    process.stdin.once('data', () => resolve());
    process.stdin.once('end', () => process.exit(3));
  });
}

main().catch((error: unknown) => {
  console.error('crash driver failed:', error);
  process.exit(2);
});
