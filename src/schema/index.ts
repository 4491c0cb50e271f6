import { lexicographicSortSchema } from 'graphql';
import { builder } from './builder.js';
// Importing each type file registers it with the builder.
import './entity.js';
import './relationship.js';
import './organisation.js';
import './programme.js';
import './project.js';
import './person.js';
import './award.js';
import './metric.js';
import './outcome.js';
import './report.js';
import './place.js';
import './co-funding.js';
import './path.js';
import './search.js';
import './funding-totals.js';
import './funding-lines.js';
import './stats.js';
import './network.js';

/** The executable schema, its types in a stable (alphabetical) order. */
export const schema = lexicographicSortSchema(builder.toSchema());
