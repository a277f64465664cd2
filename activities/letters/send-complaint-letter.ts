import { createHash } from 'node:crypto';
import { ApplicationFailure } from '@temporalio/common';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { caseEvents, letters, notificationOutbox } from '../../db/schema.js';
import { composeComplaintLetter, defaultLetterSender, type ComplaintLetterKind, type LetterSender } from './letter-templates.js';
import { loadLetterCaseFacts, loadResolutionCategory, type LetterCaseFacts } from './load-letter-case-facts.js';
import { renderLetterPdf } from './render-letter-pdf.js';

/**
 * What the case workflow hands over to send a complaint letter. `sequence` is the workflow event
 * number reserved for this letter's `letter_sent` event: (case, sequence) keys the event, the
 * letter and the outbox rows, so a retried activity writes each of them once.
 */
export interface SendComplaintLetterInput {
  caseId: string;
  sequence: number;
  kind: ComplaintLetterKind;
  occurredAtMs: number;
  /** 'system', 'user:<id>' … who caused the letter (the event's actor). */
  actor: string;
  deadlines: { resolutionDueAtMs: number; regulatorResponseDueAtMs: number; regulatorFinalResponseDueAtMs: number };
  /** For the response letter; defaults to the case row's resolution category and notes. */
  resolution?: { categoryCode: string; notes: string };
  handlerName?: string;
}

export interface SendComplaintLetterResult {
  letterId: string;
  fileName: string;
  deliveryMethod: 'email' | 'postal';
  sizeBytes: number;
  sha256: string;
  /** False when this letter already existed: a retried activity. */
  isNewLetter: boolean;
}

export interface LetterDeps {
  db: Db;
  sender?: LetterSender;
}

function formatDate(ms: number | Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-US', { dateStyle: 'long', timeZone }).format(ms);
}

async function composeAndRender(db: Db, facts: LetterCaseFacts, input: SendComplaintLetterInput, sender: LetterSender): Promise<Buffer> {
  const categoryCode = input.resolution?.categoryCode ?? facts.resolutionCategoryCode;
  const category = input.kind === 'response' && categoryCode ? await loadResolutionCategory(db, categoryCode) : null;
  const notes = input.resolution?.notes ?? facts.resolutionNotes ?? '';
  const content = composeComplaintLetter(
    {
      kind: input.kind,
      caseReference: `CASE-${facts.caseNumber}`,
      caseSubject: facts.subject,
      letterDate: formatDate(input.occurredAtMs, facts.timeZone),
      receivedDate: formatDate(facts.receivedAt, facts.timeZone),
      recipient: { fullName: facts.customer.fullName, addressLines: facts.customer.addressLines },
      deadlines: {
        resolutionDue: formatDate(input.deadlines.resolutionDueAtMs, facts.timeZone),
        // The regulator's deadlines end at midnight; the last day to act is the day before it.
        regulatorResponseDue: formatDate(input.deadlines.regulatorResponseDueAtMs - 1, facts.timeZone),
        regulatorFinalResponseDue: formatDate(input.deadlines.regulatorFinalResponseDueAtMs - 1, facts.timeZone),
      },
      resolution: category ? { categoryLabel: category.label, isResolved: category.isResolved, notes } : null,
      handlerName: input.handlerName ?? null,
    },
    sender,
  );
  return await renderLetterPdf(content, new Date(input.occurredAtMs));
}

async function findLetter(db: Db, input: SendComplaintLetterInput): Promise<SendComplaintLetterResult | undefined> {
  const [row] = await db
    .select({ id: letters.id, fileName: letters.fileName, deliveryMethod: letters.deliveryMethod, sizeBytes: letters.sizeBytes, sha256: letters.sha256 })
    .from(letters)
    .where(and(eq(letters.caseId, input.caseId), eq(letters.eventSequence, input.sequence), eq(letters.kind, input.kind)))
    .limit(1);
  return row && { letterId: row.id, fileName: row.fileName, deliveryMethod: row.deliveryMethod, sizeBytes: row.sizeBytes, sha256: row.sha256, isNewLetter: false };
}

/**
 * Renders a complaint letter as PDF, stores it with the case, appends a `letter_sent` event and
 * queues it in writing whatever the customer's channel preference (business rule 5): an e-mail
 * carrying the letter as attachment when the customer has an e-mail address, else a postal-letter
 * marker with the postal address. Idempotent on (case, sequence): a retry returns the first letter.
 */
export async function sendComplaintLetter(deps: LetterDeps, input: SendComplaintLetterInput): Promise<SendComplaintLetterResult> {
  const existing = await findLetter(deps.db, input);
  if (existing) return existing;
  const facts = await loadLetterCaseFacts(deps.db, input.caseId);
  const pdfBytes = await composeAndRender(deps.db, facts, input, deps.sender ?? defaultLetterSender);
  const sha256 = createHash('sha256').update(pdfBytes).digest('hex');
  const fileName = `CASE-${facts.caseNumber}-${input.kind.replaceAll('_', '-')}-${input.sequence}.pdf`;
  const deliveryMethod = facts.customer.email ? 'email' : 'postal';
  const occurredAt = new Date(input.occurredAtMs);
  return await deps.db.transaction(async (tx) => {
    const [letter] = await tx
      .insert(letters)
      .values({ caseId: input.caseId, eventSequence: input.sequence, kind: input.kind, fileName, pdfBytes, sizeBytes: pdfBytes.length, sha256, deliveryMethod })
      .onConflictDoNothing()
      .returning({ id: letters.id });
    if (!letter) {
      const raced = await findLetter(deps.db, input);
      if (!raced) throw new Error(`letter for case ${input.caseId} sequence ${input.sequence} conflicted but is not visible yet`);
      return raced;
    }
    const attachment = { letterId: letter.id, fileName, contentType: 'application/pdf', sizeBytes: pdfBytes.length, sha256 };
    const event = { caseId: input.caseId, sequence: input.sequence, type: 'letter_sent', actor: input.actor, occurredAt };
    const inserted = await tx
      .insert(caseEvents)
      .values({ ...event, payload: { kind: input.kind, deliveryMethod, ...attachment } })
      .onConflictDoNothing({ target: [caseEvents.caseId, caseEvents.sequence] })
      .returning({ id: caseEvents.id });
    // The sequence is reserved for this letter; another event under it means the caller reused a number.
    if (inserted.length === 0) throw ApplicationFailure.nonRetryable(`case ${input.caseId} already has an event ${input.sequence}`, 'sequence_taken');
    const template = `complaint_letter_${input.kind}`;
    const recipient = deliveryMethod === 'email' ? facts.customer.email! : [facts.customer.fullName, ...facts.customer.addressLines].join(', ');
    const payload = { caseReference: `CASE-${facts.caseNumber}`, kind: input.kind, attachment, ...(deliveryMethod === 'postal' ? { postalLetter: true, hasPostalAddress: facts.customer.addressLines.length > 0 } : {}) };
    await tx
      .insert(notificationOutbox)
      .values({ idempotencyKey: `${input.caseId}:${input.sequence}:${template}:${recipient}`, channel: deliveryMethod, recipient, caseId: input.caseId, template, payload })
      .onConflictDoNothing({ target: notificationOutbox.idempotencyKey });
    return { letterId: letter.id, fileName, deliveryMethod, sizeBytes: pdfBytes.length, sha256, isNewLetter: true };
  });
}
