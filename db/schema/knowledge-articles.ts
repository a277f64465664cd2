import { sql } from 'drizzle-orm';
import { boolean, index, integer, numeric, pgTable, text, unique, uuid } from 'drizzle-orm/pg-core';
import { cases } from './cases.js';
import { createdAt, timestamptz, tsvector, updatedAt } from './column-types.js';
import { users } from './users.js';

export const knowledgeArticles = pgTable(
  'knowledge_articles',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    slug: text('slug').notNull().unique(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    tags: text('tags').array().notNull().default([]),
    status: text('status', { enum: ['draft', 'published', 'archived'] })
      .notNull()
      .default('published'),
    /** Average of 1-5 ratings; rises when a full-score CSAT follows a reference (CRM use case C-1). */
    rating: numeric('rating', { precision: 3, scale: 2, mode: 'number' }).notNull().default(0),
    ratingCount: integer('rating_count').notNull().default(0),
    reuseCount: integer('reuse_count').notNull().default(0),
    isBestPractice: boolean('is_best_practice').notNull().default(false),
    /** Expiry reminder: the article should be reviewed by then. */
    reviewDueAt: timestamptz('review_due_at'),
    authorUserId: uuid('author_user_id').references(() => users.id, { onDelete: 'set null' }),
    searchVector: tsvector('search_vector').generatedAlwaysAs(
      sql`setweight(to_tsvector('english', coalesce(title, '')), 'A') || setweight(to_tsvector('english', coalesce(body, '')), 'B')`,
    ),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('knowledge_articles_search_vector_idx').using('gin', t.searchVector), index('knowledge_articles_tags_idx').using('gin', t.tags)],
);

/** An article used on a case (reuse tracking). */
export const caseArticleReferences = pgTable(
  'case_article_references',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    articleId: uuid('article_id')
      .notNull()
      .references(() => knowledgeArticles.id, { onDelete: 'cascade' }),
    eventSequence: integer('event_sequence').notNull(),
    referencedByUserId: uuid('referenced_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [unique('case_article_references_case_event_unique').on(t.caseId, t.eventSequence, t.articleId), index('case_article_references_article_idx').on(t.articleId)],
);

export type KnowledgeArticle = typeof knowledgeArticles.$inferSelect;
export type NewKnowledgeArticle = typeof knowledgeArticles.$inferInsert;
export type CaseArticleReference = typeof caseArticleReferences.$inferSelect;
