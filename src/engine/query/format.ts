/**
 * Values printed the way mongod's BSONElement::toString prints them inside error messages
 * ("{_id: 1} has the field 'a' of non-numeric type string"), close enough for a reader to recognise them.
 */
import { bsonTag, bsonTypeOf, isDocument } from './bson-types.js';

/** A value in mongod's error-message notation: `"text"`, `{ a: 1 }`, `[ 1, 2 ]`, `ObjectId('…')`. */
export function formatValue(v: unknown): string {
  switch (bsonTypeOf(v)) {
    case undefined:
      return 'undefined';
    case 'string':
      return JSON.stringify(v);
    case 'double':
      return Number.isInteger(v) ? `${v}.0` : String(v);
    case 'array': {
      const items = (v as unknown[]).map(formatValue);
      return items.length === 0 ? '[]' : `[ ${items.join(', ')} ]`;
    }
    case 'object': {
      if (!isDocument(v)) return String(v);
      const fields = Object.entries(v).map(([k, x]) => `${k}: ${formatValue(x)}`);
      return fields.length === 0 ? '{}' : `{ ${fields.join(', ')} }`;
    }
    case 'objectId':
      return `ObjectId('${(v as { toHexString(): string }).toHexString()}')`;
    case 'date':
      return `new Date(${(v as Date).getTime()})`;
    case 'decimal':
      return `NumberDecimal("${String(v)}")`;
    case 'binData':
      return bsonTag(v as object) === 'Binary' ? `BinData(${(v as { sub_type: number }).sub_type}, …)` : 'BinData';
    default:
      return String(v);
  }
}

/** `_id: <value>` of a document for messages, or "no id" as mongod writes when there is none. */
export function formatId(doc: Record<string, unknown>): string {
  return '_id' in doc ? `_id: ${formatValue(doc._id)}` : 'no id';
}
