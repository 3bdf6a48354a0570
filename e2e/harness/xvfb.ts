/**
 * Starts a private Xvfb display when Electron must run on Linux without one ($DISPLAY unset),
 * so `npx playwright test` works the same on a desktop and on a headless CI box.
 */
import { spawn } from 'node:child_process';

export interface VirtualDisplay {
  readonly display: string;
  stop(): void;
}

/** Resolves with the display Xvfb picked (-displayfd), or null when Xvfb is not installed. */
export async function startXvfb(): Promise<VirtualDisplay | null> {
  const child = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1920x1080x24', '-nolisten', 'tcp'], {
    stdio: ['ignore', 'ignore', 'ignore', 'pipe'],
  });
  const displayPipe = child.stdio[3];
  if (displayPipe === null || displayPipe === undefined) return null;
  const display = await new Promise<string | null>((done) => {
    let output = '';
    child.once('error', () => done(null));
    child.once('exit', () => done(null));
    displayPipe.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('\n')) done(`:${output.trim()}`);
    });
  });
  if (display === null) return null;
  child.unref();
  return { display, stop: () => void child.kill() };
}
