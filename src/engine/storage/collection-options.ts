import type { Document } from 'bson';

/** Options a collection was created with (or given by collMod) that the engine acts on. */
export interface CollectionOptions {
  changeStreamPreAndPostImages?: { enabled: boolean };
  /** A view: the source collection and pipeline. */
  viewOn?: string;
  pipeline?: Document[];
  capped?: boolean;
  size?: number;
  max?: number;
  validator?: Document;
}
