import { describe, expect, it } from 'vitest';
import { VersionedCache } from '../../src/cache/versioned-cache.js';
import { NetworkCache } from '../../src/network/network-cache.js';
import type { NetworkRequest } from '../../src/network/network-options.js';
import { checkSeeds } from '../../src/seed/load-seeds.js';
import { countingStore } from '../support/counting-store.js';
import { FIXTURE_SEEDS } from '../support/env.js';
import { openFixtureStore } from '../support/store.js';

const REQUEST: NetworkRequest = {
  projection: 'two-mode',
  weighting: 'count',
  period: null,
  kinds: ['FUNDS'],
  seed: 42,
};

describe('network results are computed once per graph version', () => {
  it('answers the same request from the cache, and recomputes after a reload', async () => {
    const store = await openFixtureStore('kuzu');
    try {
      const counting = countingStore(store);
      const cache = new NetworkCache(counting.store, new VersionedCache(counting.store));
      const first = await cache.get(REQUEST);
      const second = await cache.get(REQUEST);
      // The very same result object: nothing was read or analysed again.
      expect(second.result).toBe(first.result);
      // The analysis read the projection's ties, never the whole graph.
      expect(counting.calls.get('readNetworkTies')).toBe(1);
      expect(counting.calls.get('readGraph')).toBeUndefined();
      const other = await cache.get({ ...REQUEST, weighting: 'funding' });
      expect(other.result).not.toBe(first.result);
      expect(counting.calls.get('readNetworkTies')).toBe(2);

      const seeds = checkSeeds(FIXTURE_SEEDS);
      await store.replaceGraph(seeds.graph, 'another version');
      const third = await cache.get(REQUEST);
      expect(third.graphVersion).toBe('another version');
      expect(third.result).not.toBe(first.result);
      expect(third.result.communities).toEqual(first.result.communities);
      expect(counting.calls.get('readNetworkTies')).toBe(3);
    } finally {
      await store.close();
    }
  });

  it('keeps at most its capacity of values', async () => {
    const store = await openFixtureStore('kuzu');
    try {
      const counting = countingStore(store);
      const cache = new VersionedCache(counting.store, 2);
      let computed = 0;
      const compute = async () => ++computed;
      await cache.get('a', compute);
      await cache.get('b', compute);
      await cache.get('a', compute);
      await cache.get('c', compute);
      // 'b' was the least recently used: it went when 'c' came.
      expect((await cache.get('a', compute)).value).toBe(1);
      expect((await cache.get('b', compute)).value).toBe(4);
    } finally {
      await store.close();
    }
  });
});
