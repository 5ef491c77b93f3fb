/** How a mapping file's messages name a value of the wrong JSON type. */

/** What a wrong-typed value of a mapping is, for a message: its JSON type. */
export function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  switch (typeof value) {
    case 'object':
      return 'an object';
    case 'string':
      return 'a string';
    case 'number':
      return 'a number';
    case 'boolean':
      return 'true or false';
    default:
      return typeof value;
  }
}
