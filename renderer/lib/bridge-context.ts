/** The `window.lectern` bridge, provided by the shell and consumed by views instead of a global. */
import { createContext } from '@lit/context';
import type { LecternBridge } from '../../preload/api';

export const bridgeContext = createContext<LecternBridge>(Symbol('lectern-bridge'));
