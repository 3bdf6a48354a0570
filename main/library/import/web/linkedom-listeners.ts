/**
 * linkedom gives every node, as it is made, an empty map for its event listeners, kept in a
 * WeakMap of its own: on a page's parse about two fifths of the time, and garbage the collector
 * then traces through that WeakMap. Nothing in a conversion listens for events. This makes a
 * node's map when it is first asked for instead, in the same WeakMap, so that listeners and
 * `dispatchEvent` behave as before.
 */
import { EventTarget } from 'linkedom';

type ListenerMaps = WeakMap<object, Map<string, unknown>>;

let installed: boolean | null = null;

/**
 * Idempotent; whether the maps are now made lazily (false: linkedom is not built as this
 * expects, and is left as it is).
 */
export function installLazyListenerMaps(): boolean {
  if (installed !== null) return installed;
  const maps = listenerMaps();
  installed = maps !== null;
  if (maps === null) return false;
  const { get, set } = WeakMap.prototype as ListenerMaps;
  // linkedom's EventTarget reads and writes the WeakMap only through these two: its constructor
  // `set`s an empty map, every other use `get`s one.
  Object.defineProperties(maps, {
    set: { value: () => maps },
    get: {
      value(target: object) {
        let map = get.call(maps, target);
        if (map === undefined) {
          map = new Map();
          set.call(maps, target, map);
        }
        return map;
      },
    },
  });
  return true;
}

/**
 * The WeakMap in which linkedom's EventTarget keeps listener maps, seen as one is made (the only
 * WeakMap write of its constructor); null when the constructor writes none or several.
 */
function listenerMaps(): ListenerMaps | null {
  const { set } = WeakMap.prototype;
  const written: ListenerMaps[] = [];
  // Watched for the one constructor call below, and put back before anything else runs.
  // oxlint-disable-next-line no-extend-native
  WeakMap.prototype.set = function (this: ListenerMaps, key, value) {
    written.push(this);
    return set.call(this, key, value);
  };
  let probe: object;
  try {
    probe = new EventTarget();
  } finally {
    // oxlint-disable-next-line no-extend-native
    WeakMap.prototype.set = set;
  }
  const [maps] = written;
  return written.length === 1 && maps !== undefined && maps.get(probe) instanceof Map ? maps : null;
}
