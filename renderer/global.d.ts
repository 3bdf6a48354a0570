import type { LecternBridge } from '../preload/api';

declare global {
  interface Window {
    /** The contract's methods, exposed by the preload (or by the e2e harness in a browser). */
    lectern: LecternBridge;
  }
}
