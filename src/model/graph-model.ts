/**
 * The graph model: the one source of truth for node kinds, relationship kinds and their properties.
 *
 * Both engines store exactly this: the Kuzu DDL, the Neo4j constraints and the Kuzu write statements
 * in `cypher/` are generated from it (`npm run cypher:gen`), and `npm run cypher:check` fails when
 * the committed files drift from it. Seed validation, the adapters' row parsing and the export read
 * it too. Properties are primitives or lists of primitives only, because that is all Neo4j stores.
 *
 * Glossary (each word keeps this one meaning in the code, the API and the docs):
 * - **node**: one real thing the reports name (an organisation, programme, person ...), one per
 *   thing; its **kind** is its label. **Entity** is the API's name for any node.
 * - **relationship**: a fact joining two nodes (FUNDS, LEADS ...). The code calls it an **edge**
 *   (EdgeKind, EdgeView); the API calls it a Relationship.
 * - **work**: a programme or a project, the things organisations fund, lead and deliver (a
 *   **funded target** may also be an organisation).
 * - **funding line**: money one organisation gives to one target, as a report states it: one FUNDS
 *   relationship. A line broken down into **shares** is a **total** (lineRole); sums count the
 *   shares. A **joint group** is one sum given by several funders together; a **conflict group**
 *   is one line that two places give different figures for, counted once at its lowest (`low`) and
 *   its highest (`high`). funding-lines.ts holds these rules.
 * - **figure**: a reported number (a Metric's value, a line's amount), with its status (single,
 *   corroborated, conflicting) and, for a range, `valueHigh`.
 * - **period**: when a fact holds or was reported for, in one written form (periods.ts); its
 *   **period basis** says whether the report states it or it is the report's own period.
 * - **evidence**: where a report states a fact (report, lines, section); every node and
 *   relationship has some. A **former id** is the seed id of a record merged into another.
 * - **tie**: in the network (analysis/), a link between an organisation and a work, or between two
 *   organisations through what they share. Its **weight** is a number; the **weighting** is how
 *   that number is found (by funding or by count: the API's and the CLI's `weight` argument).
 * - **co-funder**: an organisation that funds something another funds too; from that organisation's
 *   side its line is its **own** and the co-funder's the **other** (the API's `mine` and `theirs`).
 */

import { PERIOD_BASES } from './periods.js';

export type PropType = 'string' | 'int' | 'float' | 'string[]' | 'int[]';

export interface PropSpec {
  readonly type: PropType;
  /** Allowed values for a string property; validation rejects anything else. */
  readonly values?: readonly string[];
  /** A short description of the property. */
  readonly doc: string;
  /** A seed record of this kind must give it. */
  readonly required?: boolean;
  /**
   * Not given by seeds, and by whom it is set instead: `seed` when the seeds are validated (a
   * figure's status, a funding line's role: facts about the seeds, exported with them); `key` from
   * the name when a node is stored (sort and search keys); `load` by the store after a load, by the
   * statements in cypher/derive/ (ranks and aggregates over the whole graph). Keys and load values
   * serve reads only: they are never part of a record or of the export.
   */
  readonly derived?: 'seed' | 'key' | 'load';
  /** A string written in one form: `period` (model/periods.ts); validation rejects any other. */
  readonly format?: 'period';
}

export type PropSpecs = Readonly<Record<string, PropSpec>>;

export const NODE_KINDS = [
  'Report',
  'Organisation',
  'Programme',
  'Project',
  'Person',
  'Award',
  'Metric',
  'Outcome',
  'Place',
] as const;
export type NodeKind = (typeof NODE_KINDS)[number];

export const EDGE_KINDS = [
  'FUNDS',
  'LEADS',
  'DELIVERS',
  'PARTNERS_WITH',
  'CHAIRS',
  'WORKS_FOR',
  'PART_OF',
  'CONTINUES_AS',
  'COMMENTED_ON',
  'WON',
  'MEASURES',
  'EVIDENCES',
  'AIMS_AT',
  'RUNS_IN',
  'COVERS',
  'PRESENTS',
] as const;
export type EdgeKind = (typeof EDGE_KINDS)[number];

export const ORGANISATION_CATEGORIES = [
  'nhs_national',
  'nhs_london',
  'ccg',
  'stp_ics',
  'trust',
  'primary_care',
  'council',
  'london_body',
  'mayor_gla',
  'public_health',
  'emergency_service',
  'charity',
  'university',
  'company',
  'network',
  'partnership',
  'government',
  'regulator',
  'professional_body',
  'other',
] as const;

export const PROJECT_CATEGORIES = [
  'flagship',
  'campaign',
  'digital_service',
  'pilot',
  'toolkit',
  'guidance',
  'service',
  'network',
  'training',
  'event',
  'research',
  'standard',
  'deliverable',
  'other',
] as const;

export const FUNDING_KINDS = ['core', 'additional', 'attracted', 'in_kind', 'other'] as const;

/**
 * A funding line that the report also breaks down (by funder or by sub-programme) is a `total`; its
 * parts are `share`s. The same money appears in both, so sums count the shares and skip the total.
 */
export const FUNDING_LINE_ROLES = ['total', 'share'] as const;

export const PLACE_CATEGORIES = ['city', 'region', 'stp_footprint', 'ics', 'borough', 'site'] as const;

export const AWARD_RESULTS = ['won', 'highly_commended', 'shortlisted', 'finalist', 'runner_up'] as const;

/** Whether a figure stands alone, agrees with others for the same thing, or disagrees with them. */
export const FIGURE_STATUSES = ['single', 'corroborated', 'conflicting'] as const;

export const OUTCOME_LINK_STATUSES = ['aimed', 'achieved'] as const;

/** Evidence is stored as parallel lists, because Neo4j properties cannot hold maps or nested lists. */
const evidenceProps = {
  evSource: { type: 'string[]', doc: 'report file name of each piece of evidence' },
  evLineStart: { type: 'int[]', doc: 'first line of each piece of evidence (1-based)' },
  evLineEnd: { type: 'int[]', doc: 'last line of each piece of evidence (inclusive)' },
  evSection: { type: 'string[]', doc: 'section or table name of each piece of evidence' },
} as const satisfies PropSpecs;

/** Properties every node has. `kind` repeats the label so filters by kind read the same on both engines. */
export const COMMON_NODE_PROPS = {
  id: { type: 'string', doc: 'stable id, unique across all kinds' },
  kind: { type: 'string', doc: 'the node kind (its label)' },
  name: { type: 'string', doc: 'name as the reports give it' },
  aliases: { type: 'string[]', doc: 'every other name the reports use for it' },
  formerIds: {
    type: 'string[]',
    doc: 'ids of records merged into this one (one node per real thing): they still resolve to it',
  },
  ...evidenceProps,
  sortName: {
    type: 'string',
    derived: 'key',
    doc: 'the name as it sorts (see model/sort-keys.ts): one collation on every engine',
  },
  searchText: {
    type: 'string',
    derived: 'key',
    doc: 'name and aliases as a name filter matches them (see model/sort-keys.ts)',
  },
  nameRank: {
    type: 'int',
    derived: 'load',
    doc: 'position in name order (sortName, then id) across the whole graph: a unique numeric sort key',
  },
} as const satisfies PropSpecs;

/**
 * When a fact holds: the period in one form (model/periods.ts), the report's words when they say
 * more, and the months it spans, worked out from it. A fact with no stated period takes its
 * report's (periodBasis report).
 */
function periodProps(what: string) {
  return {
    period: {
      type: 'string',
      format: 'period',
      doc: `period ${what} (2019/20, 2018, March 2020, 2015 to 2020, ...); its report's when none is stated`,
    },
    periodText: {
      type: 'string',
      doc: 'the period in the report’s words, when they say more than the period (since, by, target, ...)',
    },
    periodFrom: {
      type: 'string',
      derived: 'seed',
      doc: 'first month of the period (YYYY-MM), worked out from it',
    },
    periodTo: {
      type: 'string',
      derived: 'seed',
      doc: 'last month of the period (YYYY-MM), worked out from it',
    },
    periodBasis: {
      type: 'string',
      values: PERIOD_BASES,
      derived: 'seed',
      doc: 'stated: the report dates the fact; report: it does not, and the period is the report’s',
    },
  } as const satisfies PropSpecs;
}

/** Properties every relationship has. */
export const COMMON_EDGE_PROPS = {
  id: { type: 'string', doc: 'stable id, unique across all relationships' },
  kind: { type: 'string', doc: 'the relationship kind (its type)' },
  role: { type: 'string', doc: 'the role as the reports state it (lead, clinical lead, partner, ...)' },
  ...periodProps('the relationship holds or is reported for'),
  inference: {
    type: 'string',
    doc: 'why the relationship is taken to hold when no report states it (null: a report states it)',
  },
  ...evidenceProps,
  tieKey: {
    type: 'int',
    derived: 'key',
    doc: 'a number hashed from the id (see model/sort-keys.ts): the last key of relationship pages',
  },
  fromId: {
    type: 'string',
    derived: 'key',
    doc: "the id of the node it starts at: Kuzu's path search can avoid nodes only through their relationships",
  },
  toId: {
    type: 'string',
    derived: 'key',
    doc: 'the id of the node it ends at (see fromId)',
  },
  periodRank: {
    type: 'int',
    derived: 'load',
    doc: 'position of its period among the periods of the graph in text order; unknown periods last',
  },
} as const satisfies PropSpecs;

const figureProps = {
  qualifier: {
    type: 'string',
    doc: 'qualifier exactly as given (over, almost, around, up to, estimated, ...); null when none',
  },
  status: {
    type: 'string',
    values: FIGURE_STATUSES,
    derived: 'seed',
    doc: 'derived at load from conflictGroup',
  },
  conflictGroup: {
    type: 'string',
    doc: 'figures for the same thing share a group; derived status compares them',
  },
  ordersApart: {
    type: 'int',
    derived: 'seed',
    doc: 'powers of ten between the lowest and highest figure of its conflict group (1 or more: one is likely a slip or counts something else)',
  },
} as const satisfies PropSpecs;

/** What a programme or project received, summed by the store after a load. */
const receivedProps = {
  fundingReceived: {
    type: 'float',
    derived: 'load',
    doc: 'funding it receives, every period, as lines are summed (model/funding-lines.ts), lowest figures',
  },
  funderCount: {
    type: 'int',
    derived: 'load',
    doc: 'how many organisations fund it (lines that count in sums)',
  },
} as const satisfies PropSpecs;

export interface NodeSpec {
  readonly doc: string;
  /** Every id of this kind starts with this and a dot (org.nhs-england-london), so ids read as what they are. */
  readonly idPrefix: string;
  readonly props: PropSpecs;
}

export interface EdgeSpec {
  readonly doc: string;
  /** Every (from kind, to kind) pair the relationship may join. */
  readonly pairs: readonly (readonly [NodeKind, NodeKind])[];
  readonly props: PropSpecs;
  /** Common properties (role, period) a seed record of this kind must give. */
  readonly requiredCommon?: readonly string[];
  /** It takes its period from its figure, not from its report, when it gives none (MEASURES). */
  readonly periodOfFigure?: boolean;
}

export const NODE_MODEL: Readonly<Record<NodeKind, NodeSpec>> = {
  Report: {
    doc: 'one of the five source reports',
    idPrefix: 'report',
    props: {
      source: { type: 'string', required: true, doc: 'file name under shared/sources' },
      period: { type: 'string', format: 'period', doc: 'period the report covers' },
      published: { type: 'string', doc: 'when it was published, as precise as known' },
    },
  },
  Organisation: {
    doc: 'a partner: NHS body, council, charity, company, ...',
    idPrefix: 'org',
    props: {
      category: {
        type: 'string',
        values: ORGANISATION_CATEGORIES,
        required: true,
        doc: 'kind of organisation',
      },
      fundingGiven: {
        type: 'float',
        derived: 'load',
        doc: 'funding it gives, every period, as lines are summed (model/funding-lines.ts), lowest figures',
      },
      fundedCount: {
        type: 'int',
        derived: 'load',
        doc: 'how many programmes, projects and organisations it funds (lines that count in sums)',
      },
      coFundedOutcomes: {
        type: 'int',
        derived: 'load',
        doc: 'how many outcomes its funding reaches that another organisation’s funding reaches too',
      },
    },
  },
  Programme: {
    doc: 'a transformation programme',
    idPrefix: 'prog',
    props: {
      period: { type: 'string', doc: 'period the programme is reported in' },
      category: { type: 'string', doc: 'programme grouping as the reports give it (e.g. enabler)' },
      otherKind: {
        type: 'string',
        values: ['Project'],
        doc: 'Project when some report calls it a project too (it is one node, of the kind the reports use most)',
      },
      ...receivedProps,
    },
  },
  Project: {
    doc: 'a project or product: campaign, digital service, pilot, toolkit, ...',
    idPrefix: 'proj',
    props: {
      category: {
        type: 'string',
        values: PROJECT_CATEGORIES,
        required: true,
        doc: 'kind of project or product',
      },
      period: { type: 'string', doc: 'when it ran or was launched' },
      otherKind: {
        type: 'string',
        values: ['Programme'],
        doc: 'Programme when some report calls it a programme too (it is one node, of the kind the reports use most)',
      },
      ...receivedProps,
    },
  },
  Person: {
    doc: 'a person named in the reports (never their contact details)',
    idPrefix: 'person',
    props: { title: { type: 'string', doc: 'job title or role as stated' } },
  },
  Award: {
    doc: 'an award, with its result for the recipient',
    idPrefix: 'award',
    props: {
      year: { type: 'int', doc: 'year of the award, when the reports give it' },
      date: {
        type: 'string',
        format: 'period',
        doc: 'when it was awarded, as precisely as the reports give it (2019, February 2020)',
      },
      category: { type: 'string', doc: 'award category' },
      result: {
        type: 'string',
        values: AWARD_RESULTS,
        required: true,
        doc: 'won, highly commended, shortlisted, ...',
      },
    },
  },
  Metric: {
    doc: 'a reported figure',
    idPrefix: 'metric',
    props: {
      value: { type: 'float', required: true, doc: 'numeric value in the unit (the low end of a range)' },
      valueHigh: { type: 'float', doc: 'the high end, when the figure is a range (value is the low end)' },
      unit: { type: 'string', required: true, doc: 'unit: GBP, people, percent, downloads, ...' },
      valueText: { type: 'string', required: true, doc: 'the figure as written in the report' },
      measure: { type: 'string', required: true, doc: 'what the figure measures, as a short label' },
      ...periodProps('the figure covers'),
      ...figureProps,
    },
  },
  Outcome: {
    doc: 'an outcome or impact a programme or project aimed at or achieved',
    idPrefix: 'outcome',
    props: {
      category: { type: 'string', doc: 'area of the outcome: health, financial, experience, ...' },
      funderCount: {
        type: 'int',
        derived: 'load',
        doc: 'how many organisations’ funding reaches it (through what it is aimed at by)',
      },
    },
  },
  Place: {
    doc: 'a place the reports name: London, a sub-region, an STP footprint, a borough or a site',
    idPrefix: 'place',
    props: {
      category: {
        type: 'string',
        values: PLACE_CATEGORIES,
        required: true,
        doc: 'city, region, stp_footprint, ics, borough or site (a hospital, an office)',
      },
    },
  },
};

const FUNDED: readonly NodeKind[] = ['Programme', 'Project', 'Organisation'];
const WORK: readonly NodeKind[] = ['Programme', 'Project'];

function pairs(from: readonly NodeKind[], to: readonly NodeKind[]): (readonly [NodeKind, NodeKind])[] {
  return from.flatMap((f) => to.map((t) => [f, t] as const));
}

export const EDGE_MODEL: Readonly<Record<EdgeKind, EdgeSpec>> = {
  FUNDS: {
    doc: 'an organisation funds a programme, project or organisation',
    pairs: pairs(['Organisation'], FUNDED),
    requiredCommon: ['period'],
    props: {
      amount: {
        type: 'float',
        doc: 'amount in the currency; null when the report names the funding but no figure (amountText has its words)',
      },
      currency: { type: 'string', required: true, doc: 'ISO currency code (GBP)' },
      fundingKind: {
        type: 'string',
        values: FUNDING_KINDS,
        required: true,
        doc: 'core, additional, attracted, in kind (goods, staff or services) or other funding',
      },
      amountText: {
        type: 'string',
        required: true,
        doc: 'the amount as written in the report (its words when it gives no figure)',
      },
      jointGroup: {
        type: 'string',
        doc: 'lines of one sum given jointly by several funders share a group: one line per funder, counted once in sums',
      },
      breakdownOf: {
        type: 'string',
        doc: 'id of the funding line this one is a share of (the same money split by funder or sub-programme)',
      },
      lineRole: {
        type: 'string',
        values: FUNDING_LINE_ROLES,
        derived: 'seed',
        doc: 'derived at load: total (broken down into shares elsewhere) or share; sums count shares, not totals',
      },
      ...figureProps,
    },
  },
  LEADS: {
    doc: 'an organisation or person leads a programme, project or organisation',
    pairs: pairs(['Organisation', 'Person'], ['Programme', 'Project', 'Organisation']),
    props: {},
  },
  DELIVERS: {
    doc: 'an organisation delivers a programme or project',
    pairs: pairs(['Organisation'], WORK),
    props: {},
  },
  PARTNERS_WITH: {
    doc: 'an organisation is a partner on a programme or project, or of another organisation',
    pairs: pairs(['Organisation'], ['Programme', 'Project', 'Organisation']),
    props: {},
  },
  CHAIRS: {
    doc: 'a person chairs a board, programme or organisation',
    pairs: pairs(['Person'], ['Organisation', 'Programme', 'Project']),
    props: {},
  },
  WORKS_FOR: {
    doc: 'a person works for an organisation, in the role given',
    pairs: pairs(['Person'], ['Organisation']),
    props: {},
  },
  PART_OF: {
    doc: 'a project belongs to a programme, a programme to a larger one, an organisation to another',
    pairs: [
      ['Project', 'Programme'],
      ['Project', 'Project'],
      ['Programme', 'Programme'],
      ['Organisation', 'Organisation'],
      ['Place', 'Place'],
    ],
    props: {},
  },
  CONTINUES_AS: {
    doc: 'a programme or project of one report carries on as one of a later report',
    pairs: [
      ['Programme', 'Programme'],
      ['Programme', 'Project'],
      ['Project', 'Project'],
      ['Project', 'Programme'],
    ],
    props: {},
  },
  COMMENTED_ON: {
    doc: 'a person is quoted on a programme, project or organisation (the quote itself is not stored)',
    pairs: pairs(['Person'], ['Programme', 'Project', 'Organisation']),
    props: {},
  },
  WON: {
    doc: 'a project, programme, organisation or person received an award (result is on the award)',
    pairs: pairs(['Project', 'Programme', 'Organisation', 'Person'], ['Award']),
    props: {},
  },
  MEASURES: {
    doc: 'a figure is reported for a programme, project, organisation or outcome',
    pairs: pairs(['Metric'], ['Programme', 'Project', 'Organisation', 'Outcome']),
    props: {},
    periodOfFigure: true,
  },
  EVIDENCES: {
    doc: 'a figure evidences an outcome',
    pairs: pairs(['Metric'], ['Outcome']),
    props: {},
    periodOfFigure: true,
  },
  AIMS_AT: {
    doc: 'a programme or project aimed at (or achieved) an outcome',
    pairs: pairs(['Programme', 'Project'], ['Outcome']),
    props: {
      status: { type: 'string', values: OUTCOME_LINK_STATUSES, required: true, doc: 'aimed or achieved' },
    },
  },
  RUNS_IN: {
    doc: 'a programme or project was done, piloted or rolled out in a place',
    pairs: pairs(WORK, ['Place']),
    props: {},
  },
  COVERS: {
    doc: 'an organisation serves a place (a CCG or council its borough, an STP its footprint)',
    pairs: pairs(['Organisation'], ['Place']),
    props: {},
  },
  PRESENTS: {
    doc: 'an organisation presents (runs) an award',
    pairs: pairs(['Organisation'], ['Award']),
    props: {},
  },
};

/** All properties of a node kind, common ones first, in a stable order. */
export function nodeProps(kind: NodeKind): PropSpecs {
  let props = NODE_PROPS.get(kind);
  if (!props) {
    props = Object.freeze({ ...COMMON_NODE_PROPS, ...NODE_MODEL[kind].props });
    NODE_PROPS.set(kind, props);
  }
  return props;
}

// Built once per kind: rows are parsed against them, so they were rebuilt for every row read.
const NODE_PROPS = new Map<NodeKind, PropSpecs>();
const EDGE_PROPS = new Map<EdgeKind, PropSpecs>();

/** All properties of a relationship kind, common ones first, in a stable order. */
export function edgeProps(kind: EdgeKind): PropSpecs {
  let props = EDGE_PROPS.get(kind);
  if (!props) {
    props = Object.freeze({ ...COMMON_EDGE_PROPS, ...EDGE_MODEL[kind].props });
    EDGE_PROPS.set(kind, props);
  }
  return props;
}

/** Whether a property is a fact of the graph (given by seeds or derived from them), as records and exports hold it. */
export function isFact(spec: PropSpec): boolean {
  return spec.derived !== 'key' && spec.derived !== 'load';
}

/** The node kind an id names, from its prefix (org.x is an Organisation); null for an id of no kind. */
export function kindOfId(id: string): NodeKind | null {
  const prefix = id.slice(0, id.indexOf('.'));
  return NODE_KINDS.find((kind) => NODE_MODEL[kind].idPrefix === prefix) ?? null;
}

export function isNodeKind(value: string): value is NodeKind {
  return (NODE_KINDS as readonly string[]).includes(value);
}

export function isEdgeKind(value: string): value is EdgeKind {
  return (EDGE_KINDS as readonly string[]).includes(value);
}

/** The label of the table Kuzu keeps graph metadata in (graph version); not part of the model. */
export const META_LABEL = 'GraphMeta';

/** Neo4j gives every model node this extra label so one unique index covers ids of all kinds. */
export const NEO4J_ENTITY_LABEL = 'Entity';
