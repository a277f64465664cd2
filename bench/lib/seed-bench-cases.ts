import postgres from 'postgres';

/** Seeded cases get numbers far above `case_number_seq`, so cases the API creates never collide. */
export const seededCaseNumberBase = 50_000_000;

const batchSize = 100_000;

// Words of real service requests, combined per case by independent hashes of its number so
// subjects, descriptions, queues and statuses vary independently (the bench's search terms are
// drawn from the same words).
export const subjectTopics = [
  'refund', 'chargeback', 'overdraft', 'statement', 'mortgage', 'escrow', 'wire', 'transfer', 'card', 'password',
  'login', 'address', 'fee', 'interest', 'payment', 'deposit', 'check', 'loan', 'dispute', 'fraud',
  'limit', 'pin', 'alert', 'autopay', 'insurance', 'tax', 'withdrawal', 'balance', 'closure', 'beneficiary',
] as const;
const subjectObjects = [
  'not received', 'charged twice', 'declined at merchant', 'missing from app', 'delayed by bank', 'amount incorrect',
  'blocked abroad', 'needs correction', 'pending for days', 'reversed without notice', 'shows wrong date',
  'requested again', 'not applied', 'duplicated', 'under review', 'questioned by customer', 'late', 'expired',
] as const;
const descriptionOpeners = [
  'Customer called because', 'Customer wrote that', 'In chat the customer said', 'Branch staff reported that',
  'The portal form states that', 'A family member explained that', 'The customer is upset because',
] as const;
const descriptionMerchants = [
  'Amazon', 'Walmart', 'Costco', 'Target', 'Delta', 'Uber', 'Netflix', 'Shell', 'Starbucks', 'Expedia',
  'Apple', 'Verizon', 'Comcast', 'Hertz', 'Marriott', 'Kroger', 'Lowes', 'Chevron', 'Spotify', 'Airbnb',
] as const;
const descriptionClosers = [
  'they want the money back this week.', 'they need a letter for the landlord.', 'the branch could not help.',
  'this happened after the app update.', 'they travel next Monday.', 'a second card was also affected.',
  'they already called twice.', 'the employer needs proof of payment.', 'they ask for the fee to be waived.',
  'they consider closing the account.', 'the statement of last month looks different.',
] as const;

const sqlArray = (words: readonly string[]) => `array[${words.map((word) => `'${word.replace(/'/g, "''")}'`).join(',')}]`;
/** 1..length from a hash of the case's `n`, a different one per `salt`. */
const hashIndex = (salt: number, length: number | string) => `1 + (hashint4(n + ${salt * 1_000_003}) & 2147483647) % ${length}`;
const pick = (words: readonly string[], salt: number) => `(${sqlArray(words)})[${hashIndex(salt, words.length)}]`;

export interface SeedBenchCasesResult {
  count: number;
  insertSec: number;
  indexSec: number;
  vacuumSec: number;
}

/**
 * Bulk-loads `count` cases into a migrated, seeded database the way a bulk import would: the
 * secondary indexes of `cases` are dropped, the rows inserted with `insert … select … from
 * generate_series` in batches, and the same index definitions (read from pg_indexes) rebuilt, then
 * VACUUM ANALYZE. Rows spread over every customer, queue, type, status, priority and channel, with
 * creation times over the last year.
 */
export async function seedBenchCases(url: string, count: number, log: (message: string) => void): Promise<SeedBenchCasesResult> {
  const sql = postgres(url, { max: 2, onnotice: () => undefined });
  try {
    const indexes = await sql<{ indexname: string; indexdef: string }[]>`
      select i.indexname, i.indexdef from pg_indexes i
      where i.tablename = 'cases' and i.schemaname = 'public'
        and not exists (select 1 from pg_constraint c where c.conname = i.indexname)`;
    for (const index of indexes) await sql.unsafe(`drop index "${index.indexname}"`);

    const insertStartedAt = performance.now();
    const batches = Array.from({ length: Math.ceil(count / batchSize) }, (_, index) => ({ from: index * batchSize + 1, to: Math.min(count, (index + 1) * batchSize) }));
    // Two batches at a time: one per core.
    let nextBatch = 0;
    const insertNext = async (): Promise<void> => {
      for (let batch = batches[nextBatch++]; batch; batch = batches[nextBatch++]) {
        await sql.begin(async (tx) => {
          // Rows are consistent with their references by construction; skip per-row FK triggers.
          await tx`set local session_replication_role = replica`;
          await tx.unsafe(buildInsertStatement(batch.from, batch.to));
        });
        log(`inserted cases ${batch.from}–${batch.to}`);
      }
    };
    await Promise.all([insertNext(), insertNext()]);
    const insertSec = (performance.now() - insertStartedAt) / 1000;

    const indexStartedAt = performance.now();
    const rebuild = async (definitions: string[]) => {
      const reserved = await sql.reserve();
      try {
        await reserved`set maintenance_work_mem = '256MB'`;
        for (const definition of definitions) await reserved.unsafe(definition);
      } finally {
        reserved.release();
      }
    };
    const definitions = indexes.map((index) => index.indexdef);
    await Promise.all([rebuild(definitions.filter((_, index) => index % 2 === 0)), rebuild(definitions.filter((_, index) => index % 2 === 1))]);
    const indexSec = (performance.now() - indexStartedAt) / 1000;

    const vacuumStartedAt = performance.now();
    await sql`vacuum analyze`;
    return { count, insertSec, indexSec, vacuumSec: (performance.now() - vacuumStartedAt) / 1000 };
  } finally {
    await sql.end();
  }
}

function buildInsertStatement(from: number, to: number): string {
  return `
    with ref as (
      select (select array_agg(id order by customer_number) from customers) as customer_ids,
             (select array_agg(code order by code) from queues) as queue_codes,
             (select array_agg(code order by code) from case_types) as type_codes
    ), numbered as (
      select n, ref.*, ref.customer_ids[${hashIndex(1, 'array_length(ref.customer_ids, 1)')}] as customer_id
      from generate_series(${from}, ${to}) as n cross join ref
    )
    insert into cases (case_number, workflow_id, customer_id, channel, case_type_code, subject, description,
      priority, status, segment, region_code, queue_code, sla_state, created_at, updated_at, last_event_sequence)
    select ${seededCaseNumberBase} + n, 'case-' || (${seededCaseNumberBase} + n), c.id,
      (array['phone','email','portal','chat']::case_channel[])[${hashIndex(2, 4)}],
      type_codes[${hashIndex(3, 'array_length(type_codes, 1)')}],
      initcap(${pick(subjectTopics, 11)}) || ' ' || ${pick(subjectObjects, 12)},
      ${pick(descriptionOpeners, 13)} || ' a ' || ${pick(subjectTopics, 14)} || ' at ' || ${pick(descriptionMerchants, 15)} || ' was ' || ${pick(subjectObjects, 16)} || '; ' || ${pick(descriptionClosers, 17)},
      (array['P1','P2','P3','P3','P4']::case_priority[])[${hashIndex(4, 5)}],
      case when ${hashIndex(5, 10)} <= 6 then 'closed'::case_status when ${hashIndex(5, 10)} = 7 then 'resolved'::case_status
        else (array['new','assigned','in_progress','pending_customer','escalated']::case_status[])[${hashIndex(6, 5)}] end,
      c.segment, c.region_code, queue_codes[${hashIndex(7, 'array_length(queue_codes, 1)')}],
      (array['on_track','on_track','on_track','warning','breached','met']::sla_state[])[${hashIndex(8, 6)}],
      now() - n * interval '31 seconds', now() - n * interval '29 seconds', 1
    from numbered join customers c on c.id = numbered.customer_id`;
}
