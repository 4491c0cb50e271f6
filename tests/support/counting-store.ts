import type { GraphStore } from '../../src/store/port.js';

/**
 * Counts the calls of each port method on the stores it wraps. `wrap` can be handed to
 * servedGraph before any store exists: `servedGraph(engine, { wrap: counting.wrap })`.
 */
export function callCounter(): {
  wrap(store: GraphStore): GraphStore;
  calls: Map<string, number>;
  reset(): void;
} {
  const calls = new Map<string, number>();
  const wrap = (store: GraphStore): GraphStore =>
    new Proxy(store, {
      get(target, property, receiver) {
        const value = Reflect.get(target, property, receiver);
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) => {
          calls.set(String(property), (calls.get(String(property)) ?? 0) + 1);
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      },
    });
  return { wrap, calls, reset: () => calls.clear() };
}

/** Wraps a store so a test can count the calls of each port method. */
export function countingStore(store: GraphStore): {
  store: GraphStore;
  calls: Map<string, number>;
  reset(): void;
} {
  const counter = callCounter();
  return { store: counter.wrap(store), calls: counter.calls, reset: counter.reset };
}
