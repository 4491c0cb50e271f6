/**
 * Picks the operations' inputs from the loaded graph through the raw Cypher server: the same graph
 * gives the same picks on either engine (every choice is ordered by counts, then ids).
 */
import type { Inputs } from './operations/types.js';
import { rawQuery, type System } from './systems.js';

const text = (value: unknown, what: string): string => {
  if (typeof value !== 'string')
    throw new Error(`bench: picking ${what} found nothing (is the graph loaded?)`);
  return value;
};

/** A search text: the first plain lower-case word of at least three letters in the name, else "health". */
export function searchWord(name: string): string {
  return (
    name
      .toLowerCase()
      .split(/\s+/)
      .find((w) => /^[a-z]{3,}$/.test(w)) ?? 'health'
  );
}

export async function pickInputs(raw: System): Promise<Inputs> {
  const [hub] = await rawQuery(raw, 'pick-funder');
  const funder = text(hub?.['id'], 'the largest funder');
  const [programmeRow] = await rawQuery(raw, 'pick-programme');
  const programme = text(programmeRow?.['id'], 'a programme');

  // The candidate whose most crowded target has the fewest funders (at least 2, so it has
  // co-funders), first by id: its co-funders stay few whatever the size of the graph. The hub when
  // no candidate shares anything.
  const candidates = (await rawQuery(raw, 'pick-small-funders')).map((r) => ({
    id: text(r['id'], 'a funder'),
    targets: (r['targets'] as unknown[]).map((t) => text(t, 'a target')),
  }));
  let coFunder = funder;
  const ids = [...new Set(candidates.flatMap((c) => c.targets))];
  if (ids.length > 0) {
    const counts = new Map(
      (await rawQuery(raw, 'pick-funder-counts', { ids })).map((r) => [
        text(r['id'], 'a target'),
        Number(r['funders']),
      ]),
    );
    const scored = candidates
      .map((c) => ({ id: c.id, most: Math.max(...c.targets.map((t) => counts.get(t) ?? 0)) }))
      .filter((c) => c.most >= 2)
      .sort((a, b) => a.most - b.most || (a.id < b.id ? -1 : 1));
    coFunder = scored[0]?.id ?? funder;
  }
  const [periodRow] = await rawQuery(raw, 'pick-period');
  return {
    period: text(periodRow?.['period'], 'a period'),
    funder,
    coFunder,
    programme,
    searchText: searchWord(text(hub?.['name'], 'the largest funder’s name')),
    pathFrom: funder,
    pathTo: programme,
  };
}
