/**
 * The worker thread of main/library/import/worker-converter.ts: converts the files it is sent,
 * one at a time, and answers each with the converted document (its body and pictures moved, not
 * copied, to the main thread) or the refusal; asked to warm up, it converts small files of its
 * own (library/import/warm-up.ts) so that the user's first file does not run cold.
 */
import { parentPort } from 'node:worker_threads';
import {
  type ConversionJob,
  type ConversionResult,
  convertJob,
  resultTransfers,
} from './library/import/conversion';
import { refuse } from './library/import/decode';
import { WARM_UP, WARMED, warmUp } from './library/import/warm-up';

parentPort?.on('message', (job: ConversionJob | typeof WARM_UP) => {
  if (job === WARM_UP) {
    // A converter that throws on the warm-up's small files would on the user's: it stops here, and
    // the pool replaces the worker (its next job is converted, or refused, by a new one).
    warmUp();
    parentPort?.postMessage(WARMED);
    return;
  }
  let result: ConversionResult;
  try {
    result = convertJob(job);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    result = refuse('internal', `“${job.fileName}” could not be converted (${detail}).`);
  }
  parentPort?.postMessage(result, resultTransfers(result));
});
