import { NODE_KINDS, type NodeKind } from '../model/graph-model.js';
import { badUserInput } from '../request/errors.js';
import { type Hit, MAX_TEXT, normalise, searchNodes } from '../services/search.js';
import { builder } from './builder.js';
import { EntityType } from './entity-type.js';
import { EntityRef } from './refs.js';

const SearchHitRef = builder.objectRef<Hit>('SearchHit').implement({
  description: 'A node whose name or an alias matches the search, with how well.',
  fields: (t) => ({
    node: t.field({ type: EntityRef, resolve: (h) => h.node }),
    score: t.float({
      description:
        'How well the name matches: 100 for the whole name, 80 to 70 for its start, 60 for the start of a word, 40 anywhere, 30 for every word; up to 25 for a match with a typo or some of the words. An alias scores 5 less; up to 4 more for a node with more relationships.',
      resolve: (h) => h.score,
    }),
    matched: t.string({ description: 'The name or alias that matched.', resolve: (h) => h.matched }),
    matchedAlias: t.boolean({
      description: 'True when an alias matched, not the name.',
      resolve: (h) => h.matchedAlias,
    }),
  }),
});

builder.queryField('search', (t) =>
  t.field({
    type: [SearchHitRef],
    description:
      'Nodes whose name or an alias (abbreviation, variant) matches the text, best first: whole words, word prefixes (as you type), a typo or two, or some of the words; ranked by how well they match, then by how connected the node is. LDN and London, & and and find each other.',
    args: {
      text: t.arg.string({ required: true }),
      kinds: t.arg({ type: [EntityType], description: 'Only nodes of these kinds.' }),
      first: t.arg.int({ required: true, defaultValue: 10 }),
    },
    resolve: async (_root, args, ctx) => {
      if (args.text.length > MAX_TEXT)
        throw badUserInput(`text must be at most ${MAX_TEXT} characters, got ${args.text.length}`);
      const query = normalise(args.text);
      if (query === '') throw badUserInput('text must contain a letter or a digit');
      const max = ctx.config.paging.maxSize;
      if (args.first < 1 || args.first > max)
        throw badUserInput(`first must be between 1 and ${max}, got ${args.first}`);
      return searchNodes(
        ctx,
        args.text,
        new Set<NodeKind>(args.kinds?.length ? args.kinds : NODE_KINDS),
        args.first,
      );
    },
  }),
);
