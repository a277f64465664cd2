import { gzipSync } from 'node:zlib';
import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseEvents, caseNotes, cases, letters, workflowHistoryArchives } from '../../db/schema.js';
import { computeRetentionCutoff, runRetentionJob } from '../../src/compliance/retention-job.js';
import { insertCustomer, seedCaseReferenceData } from '../fixtures/case-fixtures.js';
import { insertComplaintCase } from '../fixtures/complaint-fixtures.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

let database: TestDatabase;
const now = new Date('2026-11-23T12:00Z');
let expired: { caseId: string; caseNumber: number };
let recent: { caseId: string; caseNumber: number };
let child: { caseId: string; caseNumber: number };

/** Gives a case one event, one note, one letter and one archived history run. */
async function addHistory(caseId: string, workflowId: string): Promise<void> {
  const occurredAt = new Date('2018-05-01T12:00Z');
  await database.db.insert(caseEvents).values({ caseId, sequence: 1, type: 'case_created', actor: 'system', occurredAt });
  await database.db.insert(caseNotes).values({ caseId, eventSequence: 1, visibility: 'internal', authorName: 'Li Lei', body: 'Called the customer.' });
  const pdf = Buffer.from('%PDF-1.3 test');
  await database.db.insert(letters).values({ caseId, eventSequence: 2, kind: 'response', fileName: 'r.pdf', pdfBytes: pdf, sizeBytes: pdf.length, sha256: 'x', deliveryMethod: 'email' });
  const historyGzip = gzipSync(Buffer.from('{"events":[]}'));
  await database.db.insert(workflowHistoryArchives).values({ caseId, workflowId, runId: `${workflowId}-run`, historyGzip, eventCount: 0, sizeBytes: historyGzip.length });
}

beforeAll(async () => {
  database = await createTestDatabase();
  await seedCaseReferenceData(database.db);
  const customerId = await insertCustomer(database.db, { regionCode: 'us_eastern' });
  expired = await insertComplaintCase(database.db, customerId, { status: 'closed', createdAt: new Date('2018-05-01T12:00Z'), closedAt: new Date('2018-06-30T12:00Z') });
  recent = await insertComplaintCase(database.db, customerId, { status: 'closed', createdAt: new Date('2019-12-01T12:00Z'), closedAt: new Date('2019-12-01T12:00Z') });
  child = await insertComplaintCase(database.db, customerId, { status: 'closed', parentCaseId: expired.caseId, closedAt: new Date('2025-01-10T12:00Z') });
  await addHistory(expired.caseId, `case-${expired.caseNumber}`);
  await addHistory(recent.caseId, `case-${recent.caseNumber}`);
});

afterAll(async () => {
  await database.close();
});

describe('runRetentionJob', () => {
  it('puts the cutoff seven calendar years before now', () => {
    expect(computeRetentionCutoff(now, 7).toISOString()).toBe('2019-11-23T12:00:00.000Z');
  });

  it('reports cases closed more than seven years ago with their history, and deletes nothing', async () => {
    const report = await runRetentionJob(database.db, { now });
    expect(report).toMatchObject({ cutoff: '2019-11-23T12:00:00.000Z', retentionYears: 7, isPurgeEnabled: false, purgedCaseIds: [] });
    expect(report.candidates).toEqual([
      { caseId: expired.caseId, caseNumber: expired.caseNumber, closedAt: '2018-06-30T12:00:00.000Z', eventCount: 1, noteCount: 1, letterCount: 1, archiveCount: 1 },
    ]);
    expect(await database.db.select({ id: cases.id }).from(cases).where(eq(cases.id, expired.caseId))).toHaveLength(1);
  });

  it('when enabled, purges each expired case with its events, notes, letters and archives, keeping the rest', async () => {
    const report = await runRetentionJob(database.db, { now, isPurgeEnabled: true });
    expect(report.purgedCaseIds).toEqual([expired.caseId]);
    for (const table of [caseEvents, caseNotes, letters, workflowHistoryArchives]) {
      expect(await database.db.select().from(table).where(eq(table.caseId, expired.caseId))).toEqual([]);
      expect(await database.db.select().from(table).where(eq(table.caseId, recent.caseId))).toHaveLength(1);
    }
    const remaining = await database.db.select({ id: cases.id, parentCaseId: cases.parentCaseId }).from(cases).where(inArray(cases.id, [expired.caseId, recent.caseId, child.caseId]));
    expect(remaining).toHaveLength(2);
    expect(remaining.find(({ id }) => id === child.caseId)?.parentCaseId).toBeNull();
  });
});
