import { inspect, formatWithOptions } from 'node:util';

/**
 * How values print in the sandbox, close to mongosh: `{ _id: ObjectId('...'), at: ISODate('...') }` rather than
 * Node's `new ObjectId(...)` and bare dates, and driver objects (streams, cursors, the client) as one short line
 * instead of their internals.
 */

/** Depth print() and console.log() show, as in mongosh. */
const PRINT_DEPTH = 6;

/** Joins print()/console.log() arguments like console.log does (format specifiers included). */
export function formatArgs(args: readonly unknown[]): string {
  return formatWithOptions({ depth: PRINT_DEPTH, colors: false }, ...args.map((arg) => shellify(arg, new WeakMap())));
}

/** One value, fully expanded, for printjson() and the echo of a snippet's last expression. */
export function formatValue(value: unknown): string {
  return inspect(shellify(value, new WeakMap()), { depth: Infinity, colors: false, breakLength: 80 });
}

/** A stand-in object that prints as the given text. */
function printsAs(text: string): object {
  return { [inspect.custom]: () => text };
}

/** BSON values by their `_bsontype`, printed the mongosh way. */
function bsonText(value: { _bsontype: string; toString(): string; toHexString?(): string; toJSON?(): unknown }): string | undefined {
  switch (value._bsontype) {
    case 'ObjectId':
      return `ObjectId('${value.toHexString!()}')`;
    case 'Timestamp': {
      const { t, i } = value as unknown as { t: number; i: number };
      return `Timestamp({ t: ${t}, i: ${i} })`;
    }
    case 'Long':
      return `Long('${value.toString()}')`;
    case 'Decimal128':
      return `Decimal128('${value.toString()}')`;
    case 'Int32':
    case 'Double':
      return value.toString();
    case 'Binary': {
      const uuid = value as unknown as { sub_type: number; toUUID?(): { toHexString(dashes: boolean): string } };
      return uuid.sub_type === 4 && uuid.toUUID ? `UUID('${uuid.toUUID().toHexString(true)}')` : undefined;
    }
    default:
      return undefined;
  }
}

/** Driver classes shown as one line: their internals are thousands of lines of sockets and options. */
function driverText(value: object): string | undefined {
  const name = value.constructor?.name;
  const namespace = (value as { namespace?: { db?: string; collection?: string } }).namespace;
  const ns = namespace?.db ? `${namespace.db}${namespace.collection ? `.${namespace.collection}` : ''}` : '';
  switch (name) {
    case 'ChangeStream':
      return `ChangeStream { on: '${ns}', closed: ${String((value as { closed?: boolean }).closed)} }`;
    case 'FindCursor':
    case 'AggregationCursor':
    case 'ListCollectionsCursor':
    case 'ListIndexesCursor':
      return `${name} { on: '${ns}' }`;
    case 'MongoClient':
    case 'Db':
    case 'Collection':
    case 'ClientSession':
      return `${name} {}`;
    default:
      return undefined;
  }
}

/**
 * A copy of `value` in which BSON values, dates and driver objects are replaced by stand-ins that print the shell
 * way. Works on values from any realm (the learner's vm context has its own Object and Date).
 */
function shellify(value: unknown, seen: WeakMap<object, unknown>): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (seen.has(value)) return seen.get(value);
  if (Object.prototype.toString.call(value) === '[object Date]') {
    const time = (value as Date).getTime();
    return printsAs(Number.isNaN(time) ? 'Invalid Date' : `ISODate('${(value as Date).toISOString()}')`);
  }
  if (typeof (value as { _bsontype?: unknown })._bsontype === 'string') {
    const text = bsonText(value as Parameters<typeof bsonText>[0]);
    if (text !== undefined) return printsAs(text);
    return value;
  }
  const driver = driverText(value);
  if (driver !== undefined) return printsAs(driver);
  if (Array.isArray(value)) {
    const copy: unknown[] = [];
    seen.set(value, copy);
    for (const item of value) copy.push(shellify(item, seen));
    return copy;
  }
  const prototype = Object.getPrototypeOf(value) as object | null;
  const isPlain = prototype === null || Object.getPrototypeOf(prototype) === null;
  if (!isPlain) return value;
  const copy: Record<string, unknown> = {};
  seen.set(value, copy);
  for (const [key, item] of Object.entries(value)) copy[key] = shellify(item, seen);
  return copy;
}
