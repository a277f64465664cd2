import { desc, eq, or } from 'drizzle-orm';
import type { Db } from './client.js';
import { savedSearches, users } from './schema.js';

export interface SavedSearchView {
  savedSearchId: string;
  name: string;
  isShared: boolean;
  ownerUserId: string;
  ownerName: string;
  filters: Record<string, unknown>;
  createdAt: Date;
}

const viewColumns = {
  savedSearchId: savedSearches.id,
  name: savedSearches.name,
  isShared: savedSearches.isShared,
  ownerUserId: savedSearches.ownerUserId,
  ownerName: users.displayName,
  filters: savedSearches.filters,
  createdAt: savedSearches.createdAt,
};

/** The caller's own saved searches and everyone's shared ones. */
export async function listSavedSearches(db: Db, userId: string): Promise<SavedSearchView[]> {
  return db
    .select(viewColumns)
    .from(savedSearches)
    .innerJoin(users, eq(users.id, savedSearches.ownerUserId))
    .where(or(eq(savedSearches.ownerUserId, userId), eq(savedSearches.isShared, true)))
    .orderBy(desc(savedSearches.createdAt))
    .limit(200);
}

/** Stores a saved search; null when the owner already has one of that name. */
export async function createSavedSearch(db: Db, input: { ownerUserId: string; name: string; isShared: boolean; filters: Record<string, unknown> }): Promise<{ savedSearchId: string } | null> {
  const [row] = await db.insert(savedSearches).values(input).onConflictDoNothing().returning({ savedSearchId: savedSearches.id });
  return row ?? null;
}
