import type { ChangeStream, Document } from 'mongodb';

/** Reads the next `n` events, awaiting each: tests wait on events, not on time. */
export async function take(stream: ChangeStream, n: number): Promise<Document[]> {
  const events: Document[] = [];
  for (let i = 0; i < n; i++) events.push(await stream.next());
  return events;
}
