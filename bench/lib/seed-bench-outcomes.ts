import postgres from 'postgres';

export interface SeedBenchOutcomesResult {
  resolvedCases: number;
  answeredSurveys: number;
  seconds: number;
}

/**
 * Gives the bulk-loaded cases of seedBenchCases what the dashboard's trend charts read: every
 * resolved or closed case a resolution time (hours to days after creation, never in the future)
 * and about one in nine a breached resolution clock; about three in ten an answered CSAT survey a
 * day later (scores 1–5, skewed high as real ones are), copied onto the case as the projection does.
 */
export async function seedBenchOutcomes(url: string): Promise<SeedBenchOutcomesResult> {
  const sql = postgres(url, { max: 1, onnotice: () => undefined });
  const startedAt = performance.now();
  try {
    const resolved = await sql`
      update cases set
        resolved_at = least(now() - interval '1 minute', created_at + (1 + (hashint4(case_number::int + 101) & 2147483647) % 96) * interval '1 hour'),
        is_resolution_breached = (hashint4(case_number::int + 202) & 2147483647) % 9 = 0
      where status in ('resolved', 'closed')`;
    const answered = await sql`
      insert into surveys (case_id, customer_id, status, sent_at, score, is_resolved, answered_at)
      select id, customer_id, 'answered', resolved_at + interval '1 hour',
        (array[1, 2, 3, 4, 4, 5, 5, 5])[1 + (hashint4(case_number::int + 303) & 2147483647) % 8],
        (hashint4(case_number::int + 404) & 2147483647) % 5 > 0,
        least(now() - interval '1 minute', resolved_at + interval '1 day')
      from cases
      where status in ('resolved', 'closed') and (hashint4(case_number::int + 505) & 2147483647) % 10 < 3
      on conflict (case_id) do nothing`;
    await sql`update cases c set csat_score = s.score, csat_is_resolved = s.is_resolved from surveys s where s.case_id = c.id and s.status = 'answered'`;
    await sql`vacuum analyze cases`;
    await sql`vacuum analyze surveys`;
    return { resolvedCases: resolved.count, answeredSurveys: answered.count, seconds: (performance.now() - startedAt) / 1000 };
  } finally {
    await sql.end();
  }
}
