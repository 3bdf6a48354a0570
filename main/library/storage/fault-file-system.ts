/**
 * A FileSystem for tests that passes calls to the real one and fails the ones a test picks:
 * an errno (ENOSPC, EIO, EPERM, ...) at any step, a short write (fewer bytes than asked,
 * honestly reported) or a lying write (half the bytes, reported as all of them); or a crash:
 * after the nth call of any kind, that call takes effect and then it and every later call
 * throw KilledError, as if the process had died there.
 */
import { ioError } from './durable-file';
import { type FileSystem, type WritableFile, nodeFileSystem } from './file-system';

export type FaultStep =
  'open' | 'write' | 'fsync' | 'close' | 'rename' | 'link' | 'stat' | 'unlink' | 'readFile' | 'truncate';

export interface Fault {
  step: FaultStep;
  /** An errno code, or 'short' / 'lying' (write only). */
  effect: string;
  /** Only calls on a path that contains this. */
  pathIncludes?: string;
  /** Fail the nth matching call (1-based; default 1) and, when `persistent`, every later one. */
  nth?: number;
  persistent?: boolean;
}

/** What a "killed" process's calls throw: not an errno, so no code path mistakes it for a failure it handles. */
export class KilledError extends Error {
  constructor() {
    super('killed');
    this.name = 'KilledError';
  }
}

interface ArmedFault extends Fault {
  seen: number;
}

export class FaultFileSystem implements FileSystem {
  private faults: ArmedFault[] = [];
  /** Every call made, as `step path`, so tests can count the steps of an operation. */
  readonly calls: string[] = [];
  /** How many faults fired. */
  injected = 0;
  /** Calls of any kind since `crashAfter` was armed. */
  callsSinceArmed = 0;
  private crashAt: number | null = null;
  /** True once the simulated process has died. */
  killed = false;

  constructor(private readonly real: FileSystem = nodeFileSystem) {}

  inject(fault: Fault): void {
    this.faults.push({ ...fault, seen: 0 });
  }

  clear(): void {
    this.faults = [];
  }

  /** Lets the next `calls` calls through (the last one takes effect), then dies. */
  crashAfter(calls: number): void {
    this.crashAt = calls;
    this.callsSinceArmed = 0;
  }

  /** Runs a call unless the process is dead; the call that reaches the crash point still lands. */
  private async lethal<T>(call: () => Promise<T>): Promise<T> {
    if (this.killed) throw new KilledError();
    this.callsSinceArmed += 1;
    const result = await call();
    if (this.crashAt !== null && this.callsSinceArmed >= this.crashAt) {
      this.killed = true;
      throw new KilledError();
    }
    return result;
  }

  /** The effect to apply to this call, if a fault matches it. */
  private check(step: FaultStep, filePath: string): string | null {
    this.calls.push(`${step} ${filePath}`);
    let effect: string | null = null;
    for (const fault of this.faults) {
      if (fault.step !== step || !filePath.includes(fault.pathIncludes ?? '')) continue;
      fault.seen += 1;
      const nth = fault.nth ?? 1;
      if (effect === null && (fault.seen === nth || (fault.persistent === true && fault.seen > nth))) {
        effect = fault.effect;
      }
    }
    if (effect !== null) this.injected += 1;
    return effect;
  }

  private async guard<T>(step: FaultStep, filePath: string, call: () => Promise<T>): Promise<T> {
    return this.lethal(() => {
      const effect = this.check(step, filePath);
      if (effect !== null) throw ioError(effect, `injected at ${step} ${filePath}`);
      return call();
    });
  }

  async open(filePath: string, flags: string): Promise<WritableFile> {
    const file = await this.guard('open', filePath, () => this.real.open(filePath, flags));
    return {
      write: (buffer, offset, length) => this.write(file, filePath, buffer, offset, length),
      sync: () => this.guard('fsync', filePath, () => file.sync()),
      size: () => this.guard('stat', filePath, () => file.size()),
      close: async () => {
        // The handle is closed even when the close "fails" (as the kernel does), or the process dies.
        if (this.killed) return file.close();
        return this.lethal(async () => {
          await file.close();
          const effect = this.check('close', filePath);
          if (effect !== null) throw ioError(effect, `injected at close ${filePath}`);
        });
      },
    };
  }

  private async write(
    file: WritableFile,
    filePath: string,
    buffer: Uint8Array,
    offset: number,
    length: number,
  ): Promise<{ bytesWritten: number }> {
    return this.lethal(() => this.writeWithFault(file, filePath, buffer, offset, length));
  }

  private async writeWithFault(
    file: WritableFile,
    filePath: string,
    buffer: Uint8Array,
    offset: number,
    length: number,
  ): Promise<{ bytesWritten: number }> {
    const effect = this.check('write', filePath);
    if (effect === null) return file.write(buffer, offset, length);
    if (effect !== 'short' && effect !== 'lying') throw ioError(effect, `injected at write ${filePath}`);
    const half = Math.max(1, Math.floor(length / 2));
    const { bytesWritten } = await file.write(buffer, offset, Math.min(half, length));
    return { bytesWritten: effect === 'lying' ? length : bytesWritten };
  }

  rename(from: string, to: string): Promise<void> {
    return this.guard('rename', `${from} -> ${to}`, () => this.real.rename(from, to));
  }
  link(existing: string, newPath: string): Promise<void> {
    return this.guard('link', `${existing} -> ${newPath}`, () => this.real.link(existing, newPath));
  }
  stat(filePath: string): ReturnType<FileSystem['stat']> {
    return this.guard('stat', filePath, () => this.real.stat(filePath));
  }
  unlink(filePath: string): Promise<void> {
    return this.guard('unlink', filePath, () => this.real.unlink(filePath));
  }
  readFile(filePath: string): Promise<Buffer> {
    return this.guard('readFile', filePath, () => this.real.readFile(filePath));
  }
  truncate(filePath: string, length: number): Promise<void> {
    return this.guard('truncate', filePath, () => this.real.truncate(filePath, length));
  }

  /** A ranged read fails as a whole read does (the same 'readFile' step). */
  readRange(filePath: string, position: number, length: number): Promise<Buffer> {
    return this.guard('readFile', filePath, () => this.real.readRange(filePath, position, length));
  }
  /** A small file's read fails as a whole read does (the same 'readFile' step), and dies as any call does. */
  readSmallFile(filePath: string, maxBytes: number): Buffer | null {
    if (this.killed) throw new KilledError();
    this.callsSinceArmed += 1;
    const effect = this.check('readFile', filePath);
    if (effect !== null) throw ioError(effect, `injected at readFile ${filePath}`);
    const bytes = this.real.readSmallFile(filePath, maxBytes);
    if (this.crashAt !== null && this.callsSinceArmed >= this.crashAt) {
      this.killed = true;
      throw new KilledError();
    }
    return bytes;
  }
  mkdir(dirPath: string): Promise<void> {
    return this.lethal(() => this.real.mkdir(dirPath));
  }
  readdir(dirPath: string): Promise<string[]> {
    return this.lethal(() => this.real.readdir(dirPath));
  }
  removeTree(dirPath: string): Promise<void> {
    return this.lethal(() => this.real.removeTree(dirPath));
  }
}
