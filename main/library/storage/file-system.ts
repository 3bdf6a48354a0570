/**
 * The few file-system calls the core's writes make, behind an interface so that tests can
 * inject ENOSPC, EIO, EPERM and short writes at any step (see fault-file-system.ts).
 */
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import fs from 'node:fs/promises';

/** An open file: only what a durable write needs. */
export interface WritableFile {
  /** Writes part of `buffer`; like write(2) it may write fewer bytes than asked (a short write). */
  write(buffer: Uint8Array, offset: number, length: number): Promise<{ bytesWritten: number }>;
  sync(): Promise<void>;
  /** The open file's size now (fstat on the handle: no trip through the thread pool). */
  size(): Promise<number>;
  close(): Promise<void>;
}

/** `open` flags: append to a file that must already exist (ENOENT when it does not; nothing is created). */
export const APPEND_EXISTING = 'append-existing';

export interface FileSystem {
  /**
   * `flags` as for fs.open: 'w' (create/truncate), 'wx' (create, fail if it exists), 'a' (append),
   * 'r'; or APPEND_EXISTING.
   */
  open(filePath: string, flags: string): Promise<WritableFile>;
  rename(from: string, to: string): Promise<void>;
  /** A second name for an existing file (a hard link): no bytes are copied. */
  link(existing: string, newPath: string): Promise<void>;
  stat(filePath: string): Promise<{ size: number; mtimeMs: number; isDirectory(): boolean }>;
  unlink(filePath: string): Promise<void>;
  readFile(filePath: string): Promise<Buffer>;
  /** Cuts a file to `length` bytes (an append log's torn tail). */
  truncate(filePath: string, length: number): Promise<void>;
  /** Up to `length` bytes from byte `position` (fewer at the end of the file). */
  readRange(filePath: string, position: number, length: number): Promise<Buffer>;
  /**
   * The whole file read now, on this thread, when it holds at most `maxBytes` (null when larger: read
   * it with readFile). For the few KB a query waits for: microseconds, where readFile's round trips
   * through the thread pool (open, stat, read, close) take milliseconds on a busy machine.
   */
  readSmallFile(filePath: string, maxBytes: number): Buffer | null;
  mkdir(dirPath: string): Promise<void>;
  readdir(dirPath: string): Promise<string[]>;
  /** Removes a folder and what it holds; no error when it is missing. */
  removeTree(dirPath: string): Promise<void>;
}

/** The real file system (node:fs/promises). */
export const nodeFileSystem: FileSystem = {
  async open(filePath, flags) {
    const handle = await fs.open(
      filePath,
      flags === APPEND_EXISTING ? constants.O_WRONLY | constants.O_APPEND : flags,
    );
    return {
      write: (buffer, offset, length) => handle.write(buffer, offset, length, null),
      sync: () => handle.sync(),
      size: async () => fstatSync(handle.fd).size,
      close: () => handle.close(),
    };
  },
  rename: (from, to) => fs.rename(from, to),
  link: (existing, newPath) => fs.link(existing, newPath),
  stat: (filePath) => fs.stat(filePath),
  unlink: (filePath) => fs.unlink(filePath),
  readFile: (filePath) => fs.readFile(filePath),
  truncate: (filePath, length) => fs.truncate(filePath, length),
  readRange: async (filePath, position, length) => {
    const handle = await fs.open(filePath, 'r');
    try {
      const buffer = Buffer.alloc(length);
      const { bytesRead } = await handle.read(buffer, 0, length, position);
      return buffer.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  },
  readSmallFile: (filePath, maxBytes) => {
    const fd = openSync(filePath, 'r');
    try {
      const { size } = fstatSync(fd);
      if (size > maxBytes) return null;
      const buffer = Buffer.alloc(size);
      let filled = 0;
      while (filled < size) {
        const read = readSync(fd, buffer, filled, size - filled, filled);
        // The file shrank since the stat: what it holds now is all there is.
        if (read === 0) break;
        filled += read;
      }
      return buffer.subarray(0, filled);
    } finally {
      closeSync(fd);
    }
  },
  mkdir: async (dirPath) => {
    await fs.mkdir(dirPath, { recursive: true });
  },
  readdir: (dirPath) => fs.readdir(dirPath),
  removeTree: (dirPath) => fs.rm(dirPath, { recursive: true, force: true }),
};
