/**
 * How names sort and how a name filter matches, the same on every engine.
 *
 * Kuzu compares strings byte by byte and Neo4j by UTF-16 code unit; JavaScript's localeCompare
 * follows neither. So nothing sorts by the name itself: the store keeps `sortName`, the name folded
 * to lower-case letters and digits without accents or punctuation, which compares the same way in
 * every engine and in JavaScript, and ranks every node by it once per load (`nameRank`).
 */

import { createHash } from 'node:crypto';

const MARKS = /\p{M}+/gu;
const NOT_WORD = /[^\p{L}\p{N}]+/gu;

/** Lower case, accents stripped (é -> e), every run of other characters one space, trimmed. */
export function foldText(text: string): string {
  return text.normalize('NFKD').replace(MARKS, '').toLowerCase().replace(NOT_WORD, ' ').trim();
}

/** The key a name sorts by. */
export function sortNameOf(name: string): string {
  return foldText(name);
}

/**
 * Separates the names in a node's searchText: a character no folded text contains, so a filter
 * never matches across the end of one name and the start of the next.
 */
const NAME_SEPARATOR = '|';

/** What a name filter searches: the folded name and aliases, each between separators. */
export function searchTextOf(name: string, aliases: readonly string[]): string {
  return `${NAME_SEPARATOR}${[name, ...aliases].map(foldText).join(NAME_SEPARATOR)}${NAME_SEPARATOR}`;
}

/**
 * The text a name filter looks for in searchText; null when the filter has no letter or digit
 * (it then filters nothing out).
 */
export function nameFilterOf(text: string | null | undefined): string | null {
  if (text === null || text === undefined) return null;
  const folded = foldText(text);
  return folded === '' ? null : folded;
}

/**
 * A relationship's tie key: 52 bits of the SHA-1 of its id. Relationship pages sort by a value,
 * then the other node's name rank, then this, all as numbers, so that one statement serves both
 * sort directions (it multiplies the keys by -1). A hash needs no pass over the whole graph, and two
 * relationships between the same two nodes with the same value colliding in 52 bits is not a
 * practical concern.
 */
export function tieKeyOf(id: string): number {
  return Number.parseInt(createHash('sha1').update(id).digest('hex').slice(0, 13), 16);
}
