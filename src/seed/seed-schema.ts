import { z } from 'zod';
import {
  COMMON_EDGE_PROPS,
  EDGE_KINDS,
  EDGE_MODEL,
  type EdgeKind,
  kindOfId,
  NODE_KINDS,
  NODE_MODEL,
  type NodeKind,
  type PropSpec,
  type PropSpecs,
} from '../model/graph-model.js';
import { PERIOD_FORMS, parsePeriod } from '../model/periods.js';

/**
 * The shape of seed records, derived from the graph model. Records are strict: an unknown field is
 * an error (a typo must not silently drop a fact). Derived properties (a figure's status) and the
 * stored evidence columns are not accepted from seeds.
 */

const ID_TAIL = /^[a-z0-9]+(?:[-_][a-z0-9]+)*(?:\.[a-z0-9]+(?:[-_][a-z0-9]+)*)*$/;

export const evidenceSchema = z.strictObject({
  source: z
    .string()
    .regex(/^\d{3}_[0-9a-f]+\.txt$/, 'expected a report file name like 004_9bafb96c93e2c09d.txt'),
  lines: z
    .tuple([z.number().int().min(1), z.number().int().min(1)], {
      error: 'expected [first, last] line numbers',
    })
    .refine(([a, b]) => b >= a, 'the last line must not come before the first'),
  section: z.string().min(1, 'expected the section or table name'),
  /** Text that must occur in the cited lines, when the record's name or figure is not written there as is. */
  match: z
    .array(
      z.string().min(1).max(80, 'a match text is a name or figure, not a sentence (at most 80 characters)'),
    )
    .min(1)
    .optional(),
});

export type SeedEvidence = z.infer<typeof evidenceSchema>;

function valueSchema(spec: PropSpec): z.ZodType {
  switch (spec.type) {
    case 'string':
      if (spec.values)
        return z.enum(spec.values as [string, ...string[]], {
          error: `expected one of ${spec.values.join(', ')}`,
        });
      if (spec.format === 'period')
        return z
          .string({ error: `expected ${PERIOD_FORMS}` })
          .refine(
            (text) => parsePeriod(text) !== null,
            `expected ${PERIOD_FORMS} (other words go in periodText)`,
          );
      return z.string({ error: 'expected text' }).min(1, 'expected text');
    case 'int':
      return z.number({ error: 'expected a whole number' }).int('expected a whole number');
    case 'float':
      return z.number({ error: 'expected a number' }).finite();
    case 'string[]':
      return z.array(z.string().min(1));
    case 'int[]':
      return z.array(z.number().int());
  }
}

function propShape(props: PropSpecs, requiredCommon: readonly string[] = []): Record<string, z.ZodType> {
  const shape: Record<string, z.ZodType> = {};
  for (const [key, spec] of Object.entries(props)) {
    if (spec.derived) continue;
    const schema = valueSchema(spec);
    shape[key] = spec.required || requiredCommon.includes(key) ? schema : schema.optional();
  }
  return shape;
}

function idSchema(prefix: string): z.ZodType<string> {
  return z
    .string({ error: 'expected an id' })
    .refine(
      (id) => id.startsWith(`${prefix}.`) && ID_TAIL.test(id.slice(prefix.length + 1)),
      `expected an id like ${prefix}.some-name (lower case, digits, - or _)`,
    );
}

/** The id of a record merged into another: an id of any kind (a project may become a programme). */
const formerIdSchema = z
  .string({ error: 'expected an id' })
  .refine(
    (id) => kindOfId(id) !== null && ID_TAIL.test(id.slice(id.indexOf('.') + 1)),
    'expected a node id like prog.some-name (a kind prefix, then lower case, digits, - or _)',
  );

const nodeSchemas = Object.fromEntries(
  NODE_KINDS.map((kind) => [
    kind,
    z.strictObject({
      id: idSchema(NODE_MODEL[kind].idPrefix),
      kind: z.literal(kind),
      name: z
        .string({ error: 'expected a name' })
        .min(1, 'expected a name')
        .max(150, 'a name, not a sentence (at most 150 characters)'),
      aliases: z.array(z.string().min(1)).default([]),
      // An empty list when there are none (not null): both engines read a stored empty list back alike.
      formerIds: z.array(formerIdSchema).default([]),
      evidence: z.array(evidenceSchema).min(1, 'expected at least one piece of evidence'),
      ...propShape(NODE_MODEL[kind].props),
    }),
  ]),
) as unknown as Record<NodeKind, z.ZodType<SeedNode>>;

const {
  id: _id,
  kind: _kind,
  evSource,
  evLineStart,
  evLineEnd,
  evSection,
  ...edgeCommon
} = COMMON_EDGE_PROPS;

const edgeSchemas = Object.fromEntries(
  EDGE_KINDS.map((kind) => [
    kind,
    z.strictObject({
      id: z
        .string()
        .regex(/^[a-z0-9][a-z0-9._:/-]*$/, 'expected lower case letters, digits and . _ : / -')
        .optional(),
      kind: z.literal(kind),
      from: z.string({ error: 'expected the id of the node it starts from' }),
      to: z.string({ error: 'expected the id of the node it points to' }),
      evidence: z.array(evidenceSchema).min(1, 'expected at least one piece of evidence'),
      ...propShape(edgeCommon, EDGE_MODEL[kind].requiredCommon),
      ...propShape(EDGE_MODEL[kind].props),
    }),
  ]),
) as unknown as Record<EdgeKind, z.ZodType<SeedEdge>>;

/**
 * A supplement adds aliases and evidence to a node defined in another file, so that a file curating
 * one report can record where that report names an entity without owning the entity's record.
 */
export const supplementSchema = z.strictObject({
  id: z.string({ error: 'expected the id of the node it adds to' }),
  aliases: z.array(z.string().min(1)).default([]),
  evidence: z.array(evidenceSchema).min(1, 'expected at least one piece of evidence'),
});

export type SeedSupplement = z.infer<typeof supplementSchema>;

/** A node record as written in a seed file (after parsing). */
export interface SeedNode {
  readonly id: string;
  readonly kind: NodeKind;
  readonly name: string;
  readonly aliases: string[];
  readonly evidence: SeedEvidence[];
  readonly [prop: string]: unknown;
}

/** A relationship record as written in a seed file (after parsing). */
export interface SeedEdge {
  readonly id?: string;
  readonly kind: EdgeKind;
  readonly from: string;
  readonly to: string;
  readonly evidence: SeedEvidence[];
  readonly [prop: string]: unknown;
}

export function nodeSchemaFor(kind: NodeKind): z.ZodType<SeedNode> {
  return nodeSchemas[kind];
}

export function edgeSchemaFor(kind: EdgeKind): z.ZodType<SeedEdge> {
  return edgeSchemas[kind];
}
