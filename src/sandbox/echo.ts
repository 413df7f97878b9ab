import { AbstractCursor } from 'mongodb';
import { formatValue } from './format.js';

/** Documents a cursor's echo shows, as mongosh shows a first batch of 20. */
const ECHO_BATCH = 20;

/**
 * How the shell echoes the value of a snippet's last expression: a cursor shows its first documents (and is
 * advanced past them, as in mongosh), anything else its printed form; undefined echoes nothing.
 */
export async function echo(value: unknown): Promise<string | undefined> {
  if (value === undefined) return undefined;
  if (!(value instanceof AbstractCursor)) return formatValue(value);
  const documents: unknown[] = [];
  while (documents.length < ECHO_BATCH && (await value.hasNext())) documents.push(await value.next());
  const more = await value.hasNext();
  return `${formatValue(documents)}${more ? '\n(more documents: use .toArray() or .forEach() to see them all)' : ''}`;
}
