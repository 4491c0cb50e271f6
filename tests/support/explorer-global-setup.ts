import { buildExplorer } from '../../scripts/build-explorer.js';

/** Builds the explorer before any test asks the service for it: the tests see the current sources. */
export default async function setup(): Promise<void> {
  await buildExplorer();
}
