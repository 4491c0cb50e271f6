/**
 * Statements that pick the operations' inputs from the loaded graph, deterministically (counts, then
 * ids), so every system and engine is asked about the same entities. Served by the raw server as ops
 * named pick-*.
 */
import type { Engine } from './options.js';

export const PICKS: Readonly<Record<string, Readonly<Record<Engine, string>>>> = {
  // The organisation with the most funding lines.
  'pick-funder': {
    neo4j: `MATCH (o:Organisation)-[r:FUNDS]->() RETURN o.id AS id, o.name AS name, count(r) AS n ORDER BY n DESC, id LIMIT 1`,
    kuzu: `MATCH (o:Organisation)-[r:FUNDS]->() RETURN o.id AS id, o.name AS name, count(r) AS n ORDER BY n DESC, id LIMIT 1`,
  },
  // Candidates for an ordinary funder: organisations with 3 to 6 funding lines, first by id, with
  // what they fund (inputs.ts keeps the one whose targets are least crowded). Two small
  // statements rather than one join over every funder, which fills Kuzu's buffer pool at 100k.
  'pick-small-funders': {
    neo4j: `MATCH (o:Organisation)-[:FUNDS]->(w)
WITH o, count(*) AS n, collect(DISTINCT w.id) AS targets WHERE n >= 3 AND n <= 6
RETURN o.id AS id, targets ORDER BY id LIMIT 200`,
    kuzu: `MATCH (o:Organisation)-[:FUNDS]->(w)
WITH o, count(*) AS n, collect(DISTINCT w.id) AS targets WHERE n >= 3 AND n <= 6
RETURN o.id AS id, targets ORDER BY id LIMIT 200`,
  },
  'pick-funder-counts': {
    neo4j: `MATCH (w:Entity)<-[:FUNDS]-(f:Organisation) WHERE w.id IN $ids RETURN w.id AS id, count(DISTINCT f) AS funders`,
    kuzu: `MATCH (w)<-[:FUNDS]-(f:Organisation) WHERE w.id IN $ids RETURN w.id AS id, count(DISTINCT f.id) AS funders`,
  },
  // The period with the most funding lines.
  'pick-period': {
    neo4j: `MATCH ()-[r:FUNDS]->() WHERE r.period IS NOT NULL RETURN r.period AS period, count(*) AS n ORDER BY n DESC, period LIMIT 1`,
    kuzu: `MATCH ()-[r:FUNDS]->() WHERE r.period IS NOT NULL RETURN r.period AS period, count(*) AS n ORDER BY n DESC, period LIMIT 1`,
  },
  // A programme with 2 to 5 funders, parts and outcomes; the most funded programme when none is.
  'pick-programme': {
    neo4j: `MATCH (p:Programme)<-[:FUNDS]-(f:Organisation)
WITH p, count(DISTINCT f) AS funders
OPTIONAL MATCH (p)<-[:PART_OF]-(x)
WITH p, funders, count(x) AS parts
OPTIONAL MATCH (p)-[:AIMS_AT]->(o:Outcome)
WITH p, funders, parts, count(o) AS outcomes
RETURN p.id AS id, CASE WHEN funders >= 2 AND funders <= 5 AND parts > 0 AND outcomes > 0 THEN 1 ELSE 0 END AS fits, funders
ORDER BY fits DESC, CASE WHEN fits = 1 THEN 0 ELSE funders END DESC, id LIMIT 1`,
    kuzu: `MATCH (p:Programme)<-[:FUNDS]-(f:Organisation)
WITH p, count(DISTINCT f.id) AS funders
OPTIONAL MATCH (p)<-[:PART_OF]-(x)
WITH p, funders, count(x) AS parts
OPTIONAL MATCH (p)-[:AIMS_AT]->(o:Outcome)
WITH p, funders, parts, count(o) AS outcomes
RETURN p.id AS id, CASE WHEN funders >= 2 AND funders <= 5 AND parts > 0 AND outcomes > 0 THEN 1 ELSE 0 END AS fits, funders
ORDER BY fits DESC, CASE WHEN fits = 1 THEN 0 ELSE funders END DESC, id LIMIT 1`,
  },
};
