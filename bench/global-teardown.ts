/** After the benchmarks: prints the figures of this run against their targets. */
import { formatTable, metricsOfThisRun, readResults, resultsFile } from './results';

export default function globalTeardown(): void {
  const measured = metricsOfThisRun();
  if (measured.length === 0) {
    console.log('\nNo benchmark recorded a figure.');
    return;
  }
  console.log(`\n${formatTable(readResults(), measured)}\n\n(written to ${resultsFile})`);
}
