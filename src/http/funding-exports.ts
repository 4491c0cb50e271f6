import type { VersionedCache } from '../cache/versioned-cache.js';
import { fundingCsv, fundingJson } from '../export/funding-export.js';
import type { Logger } from '../logger.js';
import { StoreError } from '../store/errors.js';
import type { FundingLineRecord, GraphStore } from '../store/port.js';
import { type Download, useDownloads } from './downloads.js';

/** The funding downloads served over HTTP, by path. */
export const FUNDING_EXPORTS: Readonly<
  Record<
    string,
    Omit<Download, 'text'> & { readonly render: (lines: readonly FundingLineRecord[]) => string }
  >
> = {
  '/export/funding.csv': {
    type: 'text/csv; charset=utf-8; header=present',
    fileName: 'hlp-funding.csv',
    render: fundingCsv,
  },
  '/export/funding.json': {
    type: 'application/json; charset=utf-8',
    fileName: 'hlp-funding.json',
    render: fundingJson,
  },
};

/**
 * Serves every funding line as a download: GET /export/funding.csv and /export/funding.json, in
 * 360Giving-style columns (see export/funding-export.ts). The store reads the lines in one
 * statement; each file is rendered once per graph version and kept in the shared cache. A store
 * never loaded answers 503 STORE_EMPTY, not a file of headers only.
 */
export function useFundingExports(store: GraphStore, cache: VersionedCache, log: Logger) {
  return useDownloads(
    {
      what: 'funding export',
      files: FUNDING_EXPORTS,
      download: async (url, spec) => {
        const { value: text } = await cache.get(`funding-export:${url.pathname}`, async () => {
          if ((await store.graphVersion()) === null)
            throw new StoreError('STORE_EMPTY', `the ${store.engine} store holds no graph`);
          return spec.render(await store.fundingLines());
        });
        return { type: spec.type, fileName: spec.fileName, text };
      },
    },
    log,
  );
}
