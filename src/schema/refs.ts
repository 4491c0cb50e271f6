import type { NodeKind } from '../model/graph-model.js';
import type { EdgeView, NodeView } from '../model/records.js';
import { builder } from './builder.js';

/*
 * The graph's GraphQL types, declared here before their fields: types name each other both ways
 * (an organisation's people, a person's organisations), and declaring every ref in one module lets
 * each type's file add its fields without importing another type's file (Pothos' way out of import
 * circles). Each type's fields are in the file named after it.
 */

/**
 * What every node of the graph is: an Organisation, Programme, Project, Person, Award, Metric,
 * Outcome or Report. Fields that can point at several kinds (a funding target, a path hop) are
 * typed Entity; ask for `__typename` or use fragments.
 */
export const EntityRef = builder.interfaceRef<NodeView>('Entity');

/** A relationship of the graph, with its own properties and evidence. */
export const RelationshipRef = builder.loadableNodeRef('Relationship', {
  id: { resolve: (edge: EdgeView) => edge.id },
  load: (ids: string[], ctx) => ctx.loaders.edgeById.loadMany(ids),
});

/**
 * Declares the GraphQL node type of one kind of the model: a Relay node loaded through the request's
 * shared node loader (so node lookups of every kind batch into one store call), implementing Entity.
 * The kind's own fields and relationship fields are added in its own file.
 */
export function nodeKindRef(kind: NodeKind, description: string) {
  const ref = builder.loadableNodeRef(kind, {
    id: { resolve: (node: NodeView) => node.id },
    load: async (ids: string[], ctx) => {
      const found = await ctx.loaders.nodeById.loadMany(ids);
      // A global id of this type whose record is of another kind names nothing of this type; but a
      // former id (a record merged into another) gives its successor, whatever its kind.
      return found.map((n, i) =>
        n instanceof Error || n === null || n.kind === kind || n.id !== ids[i] ? n : null,
      );
    },
  });
  builder.objectType(ref, {
    description,
    interfaces: [EntityRef],
    isTypeOf: (value) =>
      typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === kind,
    fields: () => ({}),
  });
  return ref;
}

/** A partner: NHS body, CCG, trust, council, the Mayor, charity, company, network, ... */
export const OrganisationRef = nodeKindRef(
  'Organisation',
  'A partner named in the reports: an NHS body, council, London-wide body, charity, company or network.',
);

export const ProgrammeRef = nodeKindRef(
  'Programme',
  'A transformation programme: the 13 of 2015-16, the programmes of 2017/18 and 2019/20, and the five-year report’s areas.',
);

export const ProjectRef = nodeKindRef(
  'Project',
  'A project or product: a flagship project, campaign, digital service, pilot, toolkit, network or deliverable.',
);

export const PersonRef = nodeKindRef(
  'Person',
  'A person the reports name (chairs, leads, people quoted): name and role only, never contact details.',
);

export const AwardRef = nodeKindRef(
  'Award',
  'An award, with its year, category and the result for its recipient.',
);

export const MetricRef = nodeKindRef(
  'Metric',
  'A reported figure: people reached, savings, downloads, reductions, estimated impacts, funding totals ...',
);

export const OutcomeRef = nodeKindRef(
  'Outcome',
  'An outcome or impact that programmes and projects aimed at or achieved.',
);

export const PlaceRef = nodeKindRef(
  'Place',
  'A place the reports name: London, a sub-region, an STP footprint, a borough or a site (a hospital, an office).',
);

export const ReportRef = nodeKindRef('Report', 'One of the five HLP reports the graph is built from.');
