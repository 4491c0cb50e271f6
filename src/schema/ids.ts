import { decodeGlobalID } from '@pothos/plugin-relay';
import type { Context } from '../context.js';
import { isNodeKind, kindOfId, type NodeKind } from '../model/graph-model.js';
import type { NodeView } from '../model/records.js';
import { badUserInput, notFound } from '../request/errors.js';

/**
 * A global id as its type and key. A seed id is taken too (`prog.thrive-ldn`, the id of the seed
 * files and the JSON export, `seedId` in the API), so that results joined with an export can be
 * asked for again: it has a dot or a colon, which base64 never has, so the two cannot be confused.
 * A node id names its type by its prefix; any other seed id is a relationship's.
 */
export function decodeId(globalId: string): { typename: string; id: string } {
  if (/[.:]/.test(globalId)) return { typename: kindOfId(globalId) ?? 'Relationship', id: globalId };
  return decodeGlobalID(globalId);
}

/**
 * Resolves a global id argument to its node: BAD_USER_INPUT when the id is malformed or names a type
 * the argument does not take, NOT_FOUND when it is well formed but names nothing in the graph.
 */
export async function nodeArg(
  ctx: Context,
  argument: string,
  globalId: string,
  kinds?: readonly NodeKind[],
): Promise<NodeView> {
  let decoded: { typename: string; id: string };
  try {
    decoded = decodeId(globalId);
  } catch {
    throw badUserInput(
      `${argument}: "${globalId}" is not an HLP Graph id (ids come from the id field of a node)`,
    );
  }
  const { typename, id } = decoded;
  if (!isNodeKind(typename) || (kinds && !kinds.includes(typename))) {
    const wanted = kinds ? kinds.join(' or ') : 'a node';
    throw badUserInput(`${argument}: expected the id of ${wanted}, got the id of a ${typename}`);
  }
  const node = await ctx.loaders.nodeById.load(id);
  // A former id (a record merged into another) gives its successor, whose kind may differ.
  const merged = node !== null && node.id !== id;
  if (!node || (!merged && node.kind !== typename) || (merged && kinds && !kinds.includes(node.kind)))
    throw notFound(`${argument}: no ${typename} has the id ${globalId} (${id})`);
  return node;
}
