import { builder } from './builder.js';
import { SortDirection } from './sort-direction.js';

/** What a list can be ordered by: one enum value a sort key, with what it sorts by. */
type OrderFields = Record<string, { readonly value: string; readonly description?: string }>;

/**
 * The order input of a list, `<Name>: { field: <Name>Field!, direction: SortDirection }`, and the
 * enum of what it can be ordered by. Every connection of the graph's records takes its order in
 * this one shape; only the fields, the descriptions and the default direction differ. (The
 * network's nodes keep their published `orderBy: NetworkMeasure, direction` arguments.)
 */
export function orderInput<const Fields extends OrderFields>(
  name: string,
  options: {
    readonly description?: string;
    readonly fieldsDescription?: string;
    readonly fields: Fields;
    readonly defaultDirection: 'asc' | 'desc';
  },
) {
  const field = builder.enumType(`${name}Field`, {
    ...(options.fieldsDescription ? { description: options.fieldsDescription } : {}),
    values: options.fields,
  });
  return builder.inputType(name, {
    ...(options.description ? { description: options.description } : {}),
    fields: (t) => ({
      field: t.field({ type: field, required: true }),
      direction: t.field({ type: SortDirection, defaultValue: options.defaultDirection }),
    }),
  });
}
