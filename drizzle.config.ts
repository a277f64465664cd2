import { defineConfig } from 'drizzle-kit';

// `npm run db:generate` writes SQL migrations from the schema; no database is needed for that.
export default defineConfig({
  schema: './db/schema.ts',
  out: './db/migrations',
  dialect: 'postgresql',
  strict: true,
  verbose: true,
});
