import type { Document } from 'bson';

/** What every open cursor offers the getMore and killCursors commands. */
export interface Cursor {
  readonly id: bigint;
  /** `db.coll`, or `db.$cmd.aggregate` for collectionless aggregates. */
  readonly ns: string;
  /** True for $changeStream cursors: their getMore errors get change-stream error labels. */
  readonly isChangeStream: boolean;
  /** The comment of the originating command, echoed on getMore by mongod's command log. */
  readonly comment?: unknown;
  /** Releases resources and wakes a getMore waiting on this cursor. */
  kill(): void;
}

/** A cursor over a result computed up front (find, aggregate, listCollections, listIndexes). */
export class QueryCursor implements Cursor {
  readonly isChangeStream = false;
  private position = 0;

  constructor(
    readonly id: bigint,
    readonly ns: string,
    private readonly docs: Document[],
  ) {}

  /** The next batch (at most `batchSize` documents; all when undefined) and whether more remain. */
  next(batchSize: number | undefined): { batch: Document[]; exhausted: boolean } {
    const end = batchSize === undefined || batchSize <= 0 ? this.docs.length : Math.min(this.docs.length, this.position + batchSize);
    const batch = this.docs.slice(this.position, end);
    this.position = end;
    return { batch, exhausted: this.position >= this.docs.length };
  }

  kill(): void {
    this.position = this.docs.length;
  }
}
