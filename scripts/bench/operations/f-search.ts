import { arr, num, type Operation, obj, type Row, storeId, str } from './types.js';

const FIRST = 20;

/**
 * Facts: how many hits, which nodes were found, the best one, and the rank order. Only the count is
 * expected to agree: the service searches an index built once per graph version (whole words, word
 * prefixes, typos, some of the words; ranked by match, then by how connected the node is), which
 * no Cypher statement can do; the raw system scans every name for the text as a substring and ranks
 * by match alone, the best one can write in Cypher. The other facts are reported as known
 * differences: what this operation compares is the cost of a search, index against scan.
 */
const facts = (hits: readonly (readonly [string, number])[]) => ({
  hits: hits.length,
  found: hits.map(([id]) => id).sort(),
  best: hits[0]?.[0] ?? null,
  order: hits.map(([id]) => id),
});

/**
 * The service's ranking written in Cypher: whole name 100, start of the name 80 less a tenth of the
 * extra length (at most 10), start of a word 60, anywhere 40; an alias 5 less; ties by name length,
 * then id. The service also folds punctuation and accents into spaces before comparing; the inputs
 * use a plain lower-case word, for which lower-casing is the same fold.
 */
const score = (t: string, q: string, concat: (a: string, b: string) => string, len: string) => `CASE
    WHEN ${t} = ${q} THEN 100.0
    WHEN ${t} STARTS WITH ${q} THEN 80.0 - CASE WHEN (${len}(${t}) - ${len}(${q})) / 10.0 > 10.0 THEN 10.0 ELSE (${len}(${t}) - ${len}(${q})) / 10.0 END
    WHEN ${concat("' '", t)} CONTAINS ${concat("' '", q)} THEN 60.0
    ELSE 40.0 END`;

/** (f) Ranked search over names and aliases. */
export const search: Operation = {
  id: 'f',
  title: 'search names and aliases',
  ours: {
    query: `query F($text: String!) {
  search(text: $text, first: ${FIRST}) { score matched matchedAlias node { id name } }
}`,
    variables: (i) => ({ text: i.searchText }),
    facts: (data) =>
      facts(
        arr(obj(data, 'data')['search'], 'search').map((h) => {
          const hit = obj(h, 'hit');
          return [storeId(obj(hit['node'], 'node')['id']), num(hit['score'], 'score')] as const;
        }),
      ),
  },
  raw: {
    cypher: {
      neo4j: `MATCH (n:Entity)
WITH n, [toLower(n.name)] + [a IN coalesce(n.aliases, []) | toLower(a)] AS names
UNWIND range(0, size(names) - 1) AS i
WITH n, names[i] AS t, CASE WHEN i = 0 THEN 0.0 ELSE 5.0 END AS penalty
WHERE t CONTAINS $text
WITH n, max(${score('t', '$text', (a, b) => `(${a} + ${b})`, 'size')} - penalty) AS score
RETURN n.id AS id, n.name AS name, score
ORDER BY score DESC, size(n.name), id LIMIT ${FIRST}`,
      kuzu: `MATCH (n)
WHERE n.name IS NOT NULL
WITH n, CASE WHEN n.aliases IS NULL THEN [lower(n.name)]
  ELSE list_concat([lower(n.name)], list_transform(n.aliases, a -> lower(a))) END AS names
UNWIND range(1, size(names)) AS i
WITH n, names[i] AS t, CASE WHEN i = 1 THEN 0.0 ELSE 5.0 END AS penalty
WHERE t CONTAINS $text
WITH n, max(${score('t', '$text', (a, b) => `concat(${a}, ${b})`, 'size')} - penalty) AS score
RETURN n.id AS id, n.name AS name, score
ORDER BY score DESC, size(n.name), id LIMIT ${FIRST}`,
    },
    params: (i) => ({ text: i.searchText }),
    facts: (rows: readonly Row[]) =>
      facts(rows.map((r) => [str(r['id'], 'id'), num(r['score'], 'score')] as const)),
  },
  known: {
    keys: ['found', 'best', 'order'],
    reason:
      'the service ranks by its index (word prefixes, typos, importance), Cypher scans names for a substring: hits differ by design',
  },
  neo4jGraphql: {
    unsupported: 'no ranking: @neo4j/graphql filters (name CONTAINS) but cannot score and order matches',
  },
};
