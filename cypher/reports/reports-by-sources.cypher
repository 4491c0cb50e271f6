// reportsBySources: the Report node of each of a batch of report file names, one row per report found
// params: $sources (list of string, never empty)
// returns: source (string), id (string)
MATCH (n:Report)
WHERE n.source IN $sources
RETURN n.source AS source, n.id AS id
