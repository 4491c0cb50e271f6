import type { GraphStore } from '../../src/store/port.js';

/** Wraps a store so a test can count the calls of each port method. */
export function countingStore(store: GraphStore): {
  store: GraphStore;
  calls: Map<string, number>;
  reset(): void;
} {
  const calls = new Map<string, number>();
  const wrapped = new Proxy(store, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        calls.set(String(property), (calls.get(String(property)) ?? 0) + 1);
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return { store: wrapped, calls, reset: () => calls.clear() };
}
