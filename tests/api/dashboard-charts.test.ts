import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { surveys } from '../../db/schema.js';
import { createApiHarness, type ApiHarness } from './api-harness.js';
import { insertCaseRow, listSeedCustomers } from './case-builders.js';

// Monday 2026-11-23 10:00 UTC: the current trend week starts that day, the oldest of the 12 on 2026-09-07.
const now = new Date('2026-11-23T10:00:00Z');
const dayMs = 24 * 3_600_000;
const daysAgo = (days: number) => new Date(now.getTime() - days * dayMs);

let harness: ApiHarness;
let cookie: string;

/** A resolved case of `queue`, resolved `resolvedDaysAgo` days before now, its resolution clock breached or not. */
async function insertResolvedCase(customerId: string, queue: string, resolvedDaysAgo: number, isBreached: boolean) {
  return insertCaseRow(harness.database.db, customerId, { status: 'resolved', queueCode: queue, resolvedAt: daysAgo(resolvedDaysAgo), isResolutionBreached: isBreached, slaState: isBreached ? 'breached' : 'met' });
}

async function insertAnsweredSurvey(customerId: string, answeredDaysAgo: number, score: number) {
  const { caseId } = await insertResolvedCase(customerId, 'payments', answeredDaysAgo + 1, false);
  await harness.database.db.insert(surveys).values({ caseId, customerId, status: 'answered', score, isResolved: score >= 3, answeredAt: daysAgo(answeredDaysAgo) });
}

beforeAll(async () => {
  harness = await createApiHarness({ now: () => now });
  const [customer] = await listSeedCustomers(harness.database.db, 1);
  const customerId = customer!.id;
  // This week (Nov 23): scores 5 and 4; last week (Nov 16): 2; five weeks ago (Oct 19): 3 and 3 and 4.
  // Older than 12 weeks: a 1 that must not count.
  for (const [days, score] of [[0, 5], [0, 4], [3, 2], [33, 3], [34, 3], [35, 4], [120, 1]] as const) await insertAnsweredSurvey(customerId, days, score);
  // Beyond those 7 payment cases (met, resolved a day before each answer; the one 121 days ago is out of range):
  // refunds: last week 3 resolved, 1 breached; disputes: this week 1 breached.
  await insertResolvedCase(customerId, 'refunds', 2, false);
  await insertResolvedCase(customerId, 'refunds', 4, false);
  await insertResolvedCase(customerId, 'refunds', 5, true);
  await insertResolvedCase(customerId, 'disputes', 0, true);
  await insertResolvedCase(customerId, 'disputes', 200, true);
  const login = await harness.app.request('/login', { method: 'POST', body: new URLSearchParams({ email: 'supervisor@example.com', password: 'supervisor-demo-2026' }) });
  cookie = login.headers.getSetCookie().find((line) => line.startsWith('case_engine_session='))!.split(';')[0]!;
});
afterAll(async () => harness?.close());

const readDashboard = async (path = '/supervisor') => {
  const response = await harness.app.request(path, { headers: { cookie } });
  expect(response.status).toBe(200);
  return response.text();
};

/** The cells of the table row marked `data-<attribute>="<key>"`, as text. */
function readRow(html: string, attribute: string, key: string): string[] {
  const row = new RegExp(`<tr data-${attribute}="${key}">(.*?)</tr>`).exec(html)?.[1];
  expect(row, `row ${key}`).toBeDefined();
  return [...row!.matchAll(/<t[hd][^>]*>(.*?)<\/t[hd]>/g)].map((cell) => cell[1]!);
}

const sectionOf = (html: string, chart: string): string => {
  const start = html.indexOf(`data-chart="${chart}"`);
  expect(start).toBeGreaterThan(-1);
  return html.slice(start, html.indexOf('</section>', start));
};

describe('the supervisor dashboard charts', () => {
  it('draws the weekly CSAT average and answer count from the answered surveys of the last 12 weeks', async () => {
    const csat = sectionOf(await readDashboard(), 'csat-trend');
    expect(csat).toContain('role="img"');
    expect(csat).toContain('<title id="csat-trend-title">CSAT trend</title>');
    expect(readRow(csat, 'week', '2026-11-23')).toEqual(['Nov 23', '4.50', '2']);
    expect(readRow(csat, 'week', '2026-11-16')).toEqual(['Nov 16', '2.00', '1']);
    expect(readRow(csat, 'week', '2026-10-19')).toEqual(['Oct 19', '3.33', '3']);
    expect(readRow(csat, 'week', '2026-11-09')).toEqual(['Nov 9', '—', '0']);
    expect(readRow(csat, 'week', '2026-09-07')).toEqual(['Sep 7', '—', '0']);
    expect(csat.match(/<tr data-week=/g)).toHaveLength(12);
    // 6 answers in range, mean (5+4+2+3+3+4)/6; the survey of 120 days ago is left out.
    expect(csat).toContain('3.50 of 5 from 6 answers');
    expect(csat.match(/class="chart-point"/g)).toHaveLength(3);
  });

  it('shows per week and per queue how many resolved cases met their resolution target', async () => {
    const html = await readDashboard();
    const weekly = sectionOf(html, 'sla-weekly');
    // This week: the dispute resolved today (breached). Last week: payments resolved Nov 22, 22 and 19 (met),
    // refunds Nov 21 and 19 (met) and Nov 18 (breached). Oct 19 week: payments Oct 20 and 19; Oct 12 week: Oct 18.
    expect(readRow(weekly, 'row', '2026-11-23')).toEqual(['Nov 23', '1', '0', '1', '0%']);
    expect(readRow(weekly, 'row', '2026-11-16')).toEqual(['Nov 16', '6', '5', '1', '83%']);
    expect(readRow(weekly, 'row', '2026-10-19')).toEqual(['Oct 19', '2', '2', '0', '100%']);
    expect(readRow(weekly, 'row', '2026-10-12')).toEqual(['Oct 12', '1', '1', '0', '100%']);
    expect(weekly).toContain('80% within target (8 of 10) in all');
    // Rows keyed by queue code, labelled with the queue's name.
    const byQueue = sectionOf(html, 'sla-queues');
    expect(readRow(byQueue, 'row', 'payments')).toEqual(['Payments', '6', '6', '0', '100%']);
    expect(readRow(byQueue, 'row', 'refunds')).toEqual(['Refunds', '3', '2', '1', '67%']);
    expect(readRow(byQueue, 'row', 'disputes')).toEqual(['Disputes', '1', '0', '1', '0%']);
    expect(byQueue.indexOf('data-row="payments"')).toBeLessThan(byQueue.indexOf('data-row="refunds"'));
  });

  it('sends the charts with the live fragment, so the dashboard redraws them without a reload', async () => {
    const fragment = await readDashboard('/supervisor/live');
    expect(fragment).not.toContain('<html');
    expect(fragment).toContain('data-chart="csat-trend"');
    expect(fragment).toContain('data-chart="sla-weekly"');
    expect(fragment).toContain('data-chart="sla-queues"');
  });
});
