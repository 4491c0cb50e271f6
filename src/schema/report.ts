import { NODE_KINDS, type NodeKind } from '../model/graph-model.js';
import { nodeString } from '../model/properties.js';
import type { Evidence } from '../model/records.js';
import { badUserInput, sourcesUnavailable } from '../request/errors.js';
import { citingConnection, listConnection } from '../services/node-lists.js';
import { reportLines, SourcesUnavailableError } from '../services/report-text.js';
import { builder } from './builder.js';
import { EntityType } from './entity-type.js';
import { EvidenceRef } from './evidence.js';
import { EntityRef, ReportRef } from './refs.js';
import { checkReportRange, ReportTextRef, reportTextRange } from './report-text.js';

/** How many report texts one request may read (the explorer's report view reads one). */
export const MAX_TEXTS_PER_REQUEST = 2;
const textsAsked = new WeakMap<object, number>();

builder.objectFields(ReportRef, (t) => ({
  source: t.string({
    description: 'Its file name under shared/sources.',
    resolve: (n) => nodeString(n, 'source') ?? '',
  }),
  period: t.string({
    nullable: true,
    description: 'The period it covers.',
    resolve: (n) => nodeString(n, 'period'),
  }),
  published: t.string({ nullable: true, resolve: (n) => nodeString(n, 'published') }),
  text: t.field({
    type: ReportTextRef,
    nullable: true,
    description:
      "The report's text, line by line, numbered as evidence numbers them (`text(from: e.firstLine, to: e.lastLine)` is a cited passage); the whole report by default. Email addresses and phone numbers are masked. A range that holds no line is BAD_USER_INPUT; a `to` past the end stops at the last line. Null, with a SOURCES_UNAVAILABLE error, when the service has no copy of the report (HLP_SOURCES_DIR).",
    args: {
      from: t.arg.int({ description: 'The first line (from 1; default 1).' }),
      to: t.arg.int({ description: 'The last line, inclusive (default: the last line of the report).' }),
    },
    resolve: async (report, args, ctx) => {
      checkReportRange(args.from, args.to);
      // A report is up to a few thousand lines and every evidence list reaches one: the read-cost
      // limit cannot see lines, so a request gets only a few texts.
      const asked = (textsAsked.get(ctx) ?? 0) + 1;
      textsAsked.set(ctx, asked);
      if (asked > MAX_TEXTS_PER_REQUEST)
        throw badUserInput(
          `text: at most ${MAX_TEXTS_PER_REQUEST} report texts in one request (a report is thousands of lines); ask for the others in requests of their own`,
        );
      const source = nodeString(report, 'source') ?? '';
      try {
        return reportTextRange(await reportLines(ctx.config.sourcesDir, source), args.from, args.to);
      } catch (error) {
        if (!(error instanceof SourcesUnavailableError)) throw error;
        ctx.log.warn({ code: error.code, source, sourcesDir: error.sourcesDir }, error.message);
        throw sourcesUnavailable(error.message);
      }
    },
  }),
  entities: t.connection({
    type: EntityRef,
    description: 'Every node this report is evidence for, by name.',
    args: { kinds: t.arg({ type: [EntityType], description: 'Only nodes of these kinds.' }) },
    resolve: (report, args, ctx) =>
      citingConnection(
        ctx,
        nodeString(report, 'source') ?? '',
        (args.kinds?.length ? args.kinds : NODE_KINDS) as readonly NodeKind[],
        args,
      ),
  }),
}));

builder.objectField(EvidenceRef, 'report', (t) =>
  t.field({
    type: ReportRef,
    nullable: true,
    description: 'The report itself.',
    resolve: async (e: Evidence, _args, ctx) => {
      const id = await ctx.loaders.reportBySource.load(e.source);
      return id ? ctx.loaders.nodeById.load(id) : null;
    },
  }),
);

builder.queryField('reports', (t) =>
  t.connection({
    type: ReportRef,
    description: 'The five source reports.',
    resolve: (_root, args, ctx, info) => listConnection(ctx, info, 'Report', args, {}, 'name', 'asc'),
  }),
);
