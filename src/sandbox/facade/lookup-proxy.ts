/**
 * mongosh's property resolution (shell-api's Database and Collection constructors return a Proxy): an existing
 * property or method wins, so `db.getName` is the method; symbols, names starting with `_`, `then` and names that
 * cannot be collection names give undefined; any other name is looked up, so `db.orders` is a collection and
 * `db.orders.archive` is the collection `orders.archive`.
 *
 * `then` is excluded beyond mongosh's rules because `await db` would otherwise call a collection named "then".
 * Methods are returned bound to the target: the facade keeps its driver objects in private fields, which a Proxy
 * receiver cannot read.
 */
export function withLookup<T extends object>(target: T, lookup: (name: string) => unknown): T {
  const bound = new Map<string | symbol, unknown>();
  return new Proxy(target, {
    get(object, property) {
      if (typeof property === 'symbol' || property in object) {
        const value: unknown = Reflect.get(object, property, object);
        if (typeof value !== 'function' || property === 'constructor') return value;
        if (!bound.has(property)) bound.set(property, (value as (...args: unknown[]) => unknown).bind(object));
        return bound.get(property);
      }
      return isLookupName(property) ? lookup(property) : undefined;
    },
  });
}

/** Names that may resolve to a collection. */
function isLookupName(name: string): boolean {
  return name.length > 0 && !name.startsWith('_') && name !== 'then' && !name.includes('$') && !name.includes('\0');
}
