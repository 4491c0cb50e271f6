import type { GraphStore, RequestReader } from '../../src/store/port.js';

/**
 * A store whose request readers run `before` ahead of every read (a wait, a count, a failure
 * thrown), then the read itself. Closing a reader and its stats are left alone.
 */
export function aroundReads(store: GraphStore, before: () => void | Promise<void>): GraphStore {
  return new Proxy(store, {
    get(target, property, receiver) {
      if (property !== 'openReader') return Reflect.get(target, property, receiver);
      return (options: Parameters<GraphStore['openReader']>[0]) => {
        const reader = target.openReader(options);
        return new Proxy(reader, {
          get(inner, name, innerReceiver) {
            const value = Reflect.get(inner, name, innerReceiver);
            if (typeof value !== 'function' || name === 'stats' || name === 'close') return value;
            return async (...args: unknown[]) => {
              await before();
              return (value as (...a: unknown[]) => unknown).apply(inner, args);
            };
          },
        }) satisfies RequestReader;
      };
    },
  });
}
