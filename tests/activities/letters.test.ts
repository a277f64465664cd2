import { execFile } from 'node:child_process';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendComplaintLetter, type SendComplaintLetterInput } from '../../activities/letters/send-complaint-letter.js';
import { caseEvents, letters, notificationOutbox } from '../../db/schema.js';
import { insertCustomer, seedCaseReferenceData } from '../fixtures/case-fixtures.js';
import { insertComplaintCase } from '../fixtures/complaint-fixtures.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

const run = promisify(execFile);
let database: TestDatabase;
let workDir: string;

const address = { addressLine1: '1450 Elm Street, Apt 3B', city: 'Springfield', state: 'IL', postalCode: '62704' };

function buildLetterInput(caseId: string, overrides: Partial<SendComplaintLetterInput> = {}): SendComplaintLetterInput {
  return {
    caseId,
    sequence: 2,
    kind: 'acknowledgement',
    occurredAtMs: Date.parse('2026-03-02T15:05:00Z'),
    actor: 'system',
    deadlines: {
      resolutionDueAtMs: Date.parse('2026-03-23T17:00-04:00'),
      regulatorResponseDueAtMs: Date.parse('2026-03-18T00:00-04:00'),
      regulatorFinalResponseDueAtMs: Date.parse('2026-05-02T00:00-04:00'),
    },
    ...overrides,
  };
}

async function extractText(pdf: Buffer): Promise<string> {
  const file = path.join(workDir, `letter-${Date.now()}-${Math.random()}.pdf`);
  await writeFile(file, pdf);
  const { stdout } = await run('pdftotext', ['-layout', file, '-']);
  return stdout.replace(/\s+/g, ' ');
}

async function readLetterPdf(letterId: string): Promise<Buffer> {
  const [row] = await database.db.select({ pdfBytes: letters.pdfBytes }).from(letters).where(eq(letters.id, letterId));
  return row!.pdfBytes!;
}

beforeAll(async () => {
  database = await createTestDatabase();
  await seedCaseReferenceData(database.db);
  workDir = await mkdtemp(path.join(tmpdir(), 'letters-test-'));
});

afterAll(async () => {
  await database.close();
  await rm(workDir, { recursive: true, force: true });
});

describe('sendComplaintLetter', () => {
  it('renders the acknowledgement with the customer, the case reference and the deadlines, and e-mails it', async () => {
    const customerId = await insertCustomer(database.db, { firstName: 'Maria', lastName: 'Gonzalez', email: 'maria@example.test', regionCode: 'us_eastern', ...address });
    const { caseId, caseNumber } = await insertComplaintCase(database.db, customerId);
    const result = await sendComplaintLetter({ db: database.db }, buildLetterInput(caseId));
    expect(result).toMatchObject({ deliveryMethod: 'email', isNewLetter: true, fileName: `CASE-${caseNumber}-acknowledgement-2.pdf` });
    const text = await extractText(await readLetterPdf(result.letterId));
    for (const expected of [
      'Dear Maria Gonzalez,',
      '1450 Elm Street, Apt 3B',
      'Springfield, IL 62704',
      `Our reference: CASE-${caseNumber}`,
      'We have received your complaint',
      'March 2, 2026',
      'March 23, 2026',
      'March 17, 2026',
      'May 1, 2026',
      'Consumer Financial Protection Bureau',
      'Yours sincerely,',
    ]) {
      expect(text).toContain(expected);
    }
    const [outbox] = await database.db.select().from(notificationOutbox).where(eq(notificationOutbox.caseId, caseId));
    expect(outbox).toMatchObject({ channel: 'email', recipient: 'maria@example.test', template: 'complaint_letter_acknowledgement' });
    expect(outbox!.payload).toMatchObject({ attachment: { letterId: result.letterId, contentType: 'application/pdf' } });
    const [event] = await database.db.select().from(caseEvents).where(and(eq(caseEvents.caseId, caseId), eq(caseEvents.sequence, 2)));
    expect(event).toMatchObject({ type: 'letter_sent', actor: 'system', payload: { kind: 'acknowledgement', letterId: result.letterId } });
  });

  it('writes the response letter with the resolution category and notes, by post when there is no e-mail', async () => {
    const customerId = await insertCustomer(database.db, { firstName: 'Samuel', lastName: 'Okafor', email: null, regionCode: 'us_eastern', ...address });
    const { caseId } = await insertComplaintCase(database.db, customerId);
    const notes = 'We refunded the late fee of $35.00 and corrected your payment history.';
    const result = await sendComplaintLetter(
      { db: database.db },
      buildLetterInput(caseId, { kind: 'response', sequence: 9, resolution: { categoryCode: 'resolved_adjustment_made', notes }, handlerName: 'Jordan Ellis' }),
    );
    expect(result.deliveryMethod).toBe('postal');
    const text = await extractText(await readLetterPdf(result.letterId));
    expect(text).toContain('Our final response to your complaint');
    expect(text).toContain('Resolved - Adjustment Made');
    expect(text).toContain(notes);
    expect(text).toContain('Jordan Ellis');
    const outbox = await database.db.select().from(notificationOutbox).where(eq(notificationOutbox.caseId, caseId));
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({ channel: 'postal', recipient: 'Samuel Okafor, 1450 Elm Street, Apt 3B, Springfield, IL 62704' });
    expect(outbox[0]!.payload).toMatchObject({ postalLetter: true, hasPostalAddress: true });
  });

  it('creates one letter, one event and one outbox row however often the activity is retried', async () => {
    const customerId = await insertCustomer(database.db, { regionCode: 'us_eastern', ...address });
    const { caseId } = await insertComplaintCase(database.db, customerId);
    const input = buildLetterInput(caseId, { sequence: 4 });
    const results = await Promise.all([sendComplaintLetter({ db: database.db }, input), sendComplaintLetter({ db: database.db }, input)]);
    const again = await sendComplaintLetter({ db: database.db }, input);
    expect(new Set([...results, again].map(({ letterId }) => letterId)).size).toBe(1);
    expect(again.isNewLetter).toBe(false);
    expect(await database.db.select().from(letters).where(eq(letters.caseId, caseId))).toHaveLength(1);
    expect(await database.db.select().from(caseEvents).where(eq(caseEvents.caseId, caseId))).toHaveLength(1);
    expect(await database.db.select().from(notificationOutbox).where(eq(notificationOutbox.caseId, caseId))).toHaveLength(1);
  });

  it('renders a first page that pdftoppm turns into an image', async () => {
    const customerId = await insertCustomer(database.db, { regionCode: 'us_eastern', ...address });
    const { caseId } = await insertComplaintCase(database.db, customerId);
    const result = await sendComplaintLetter({ db: database.db }, buildLetterInput(caseId, { sequence: 3 }));
    const file = path.join(workDir, 'page.pdf');
    await writeFile(file, await readLetterPdf(result.letterId));
    await run('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', file, path.join(workDir, 'page')]);
    expect((await stat(path.join(workDir, 'page-1.png'))).size).toBeGreaterThan(10_000);
    const { stdout } = await run('pdfinfo', [file]);
    expect(stdout).toMatch(/Pages:\s+1/);
    expect(stdout).toMatch(/Page size:\s+612 x 792 pts \(letter\)/);
  });
});
