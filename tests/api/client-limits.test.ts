import { describe, expect, it } from 'vitest';
import { loadExamples } from '../../src/graphiql/examples.js';
import { operationHash } from '../../src/limits/persisted-operations.js';
import { servedGraph } from '../support/harness.js';

/**
 * Per-client rate limit (HLP_RATE_LIMIT_PER_MINUTE: 429, Retry-After, RATE_LIMITED) and the
 * persisted-operations mode (HLP_PERSISTED_OPERATIONS=on: only schema/examples run, by hash).
 */

describe('client limits', () => {
  const api = servedGraph('kuzu', { seeds: 'real' });

  describe('rate limit', () => {
    it('answers the first N requests of a client in a minute, then 429 RATE_LIMITED with Retry-After', async () => {
      const limited = api.with({ HLP_RATE_LIMIT_PER_MINUTE: '3' });
      const statuses: number[] = [];
      for (let i = 0; i < 3; i++) statuses.push((await limited.post('{ __typename }')).status);
      expect(statuses).toEqual([200, 200, 200]);
      const refused = await limited.post('{ __typename }');
      expect(refused.status).toBe(429);
      const retryAfter = Number(refused.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect(retryAfter).toBeLessThanOrEqual(60);
      expect(refused.body.errors?.[0]?.extensions?.['code']).toBe('RATE_LIMITED');
      // Downloads count too; health checks and metrics do not.
      expect((await limited.fetch('/export/network.csv')).status).toBe(429);
      expect((await limited.fetch('/health')).status).toBe(200);
      expect((await limited.fetch('/metrics')).status).toBe(200);
    });

    it('counts each client apart behind a trusted proxy, and ignores X-Forwarded-For otherwise', async () => {
      const trusting = api.with({ HLP_RATE_LIMIT_PER_MINUTE: '1', HLP_TRUST_PROXY: 'on' });
      // The proxy appends the address it saw; the entries before it are the client's to write.
      let spoof = 0;
      const from = (ip: string) => ({ 'x-forwarded-for': `198.51.100.${spoof++}, ${ip}` });
      expect((await trusting.post('{ __typename }', {}, from('192.0.2.1'))).status).toBe(200);
      expect((await trusting.post('{ __typename }', {}, from('192.0.2.2'))).status).toBe(200);
      expect((await trusting.post('{ __typename }', {}, from('192.0.2.1'))).status).toBe(429);

      const plain = api.with({ HLP_RATE_LIMIT_PER_MINUTE: '1' });
      expect((await plain.post('{ __typename }', {}, from('192.0.2.1'))).status).toBe(200);
      expect((await plain.post('{ __typename }', {}, from('192.0.2.2'))).status).toBe(429);
    });

    it('is off by default', async () => {
      for (let i = 0; i < 30; i++) expect((await api.post('{ __typename }')).status).toBe(200);
    });
  });

  describe('persisted operations', () => {
    const examples = loadExamples();
    const persisted = (hash: string, variables: unknown = {}) => ({
      variables,
      extensions: { persistedQuery: { version: 1, sha256Hash: hash } },
    });

    it('runs every example by its hash, with the answer its text gets without the mode', async () => {
      const strict = api.with({ HLP_PERSISTED_OPERATIONS: 'on' });
      expect(examples.length).toBeGreaterThan(5);
      for (const example of examples) {
        const variables = example.variables ? JSON.parse(example.variables) : {};
        const byHash = await strict.postBody(persisted(operationHash(example.query), variables));
        expect(byHash.status, example.name).toBe(200);
        const byText = await api.post(example.query, variables);
        expect(byHash.body, example.name).toEqual(byText.body);
      }
    });

    it('refuses query text (400 PERSISTED_QUERY_ONLY) and unknown hashes (404 PERSISTED_QUERY_NOT_FOUND)', async () => {
      const strict = api.with({ HLP_PERSISTED_OPERATIONS: 'on' });
      const text = await strict.post('{ __typename }');
      expect(text.status).toBe(400);
      expect(text.body.errors?.[0]?.extensions?.['code']).toBe('PERSISTED_QUERY_ONLY');
      const unknown = await strict.postBody(persisted(operationHash('{ __typename }')));
      expect(unknown.status).toBe(404);
      expect(unknown.body.errors?.[0]?.extensions?.['code']).toBe('PERSISTED_QUERY_NOT_FOUND');
    });

    it('lists the allowed hashes by example name', async () => {
      const strict = api.with({ HLP_PERSISTED_OPERATIONS: 'on' });
      const listing = (await (await strict.fetch('/persisted-operations.json')).json()) as Record<
        string,
        string
      >;
      expect(Object.keys(listing)).toEqual(examples.map((e) => e.name));
      for (const example of examples) expect(listing[example.name]).toBe(operationHash(example.query));
    });
  });
});
