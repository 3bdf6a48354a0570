/**
 * The worker thread of main/library/import/worker-converter.ts: converts the files it is sent,
 * one at a time, and answers each with the converted document (its body and pictures moved, not
 * copied, to the main thread) or the refusal.
 */
import { parentPort } from 'node:worker_threads';
import {
  type ConversionJob,
  type ConversionResult,
  convertJob,
  resultTransfers,
} from './library/import/conversion';
import { refuse } from './library/import/decode';

parentPort?.on('message', (job: ConversionJob) => {
  let result: ConversionResult;
  try {
    result = convertJob(job);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    result = refuse('internal', `“${job.fileName}” could not be converted (${detail}).`);
  }
  parentPort?.postMessage(result, resultTransfers(result));
});
