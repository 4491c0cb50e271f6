import { lexicographicSortSchema } from 'graphql';
import { builder } from './builder.js';
import './evidence.js';
import './organisation.js';

/** The executable schema: importing each type file registers it with the builder. */
export const schema = lexicographicSortSchema(builder.toSchema());
