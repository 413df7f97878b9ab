import type { MongoClient } from 'mongodb';
import type { CollectionData } from './format.js';

const MAJORITY = { writeConcern: { w: 'majority' as const } };

/**
 * Sets up `initialData` with the internal client and a majority write concern, as the format prescribes: drop
 * the collection; create it when there are create options or no documents; insert the documents.
 */
export async function loadInitialData(internal: MongoClient, data: CollectionData[]): Promise<void> {
  for (const { databaseName, collectionName, createOptions, documents } of data) {
    const db = internal.db(databaseName);
    // The driver already ignores NamespaceNotFound from drop, as servers before 7.0 report it.
    await db.dropCollection(collectionName, MAJORITY);
    if (createOptions !== undefined || documents.length === 0) {
      await db.createCollection(collectionName, { ...createOptions, ...MAJORITY });
    }
    if (documents.length > 0) {
      await db.collection(collectionName).insertMany(documents.map((doc) => ({ ...doc })), MAJORITY);
    }
  }
}
