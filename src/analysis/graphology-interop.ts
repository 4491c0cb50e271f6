/**
 * graphology's libraries are CommonJS with `export default` typings: Node hands ESM the function
 * itself as the default export, TypeScript expects it under `.default`. Take whichever is there.
 */
export function interop<T>(module: { default: T } | T): T {
  const inner = (module as { default?: T }).default;
  return inner ?? (module as T);
}
