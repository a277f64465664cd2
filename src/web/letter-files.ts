import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { letters } from '../../db/schema.js';

export interface LetterListing {
  letterId: string;
  kind: string;
  fileName: string;
  sizeBytes: number;
  deliveryMethod: string;
  sentAt: Date | null;
  createdAt: Date;
  hasBytes: boolean;
}

/** The letters written for a case, oldest first (without their bytes). */
export async function listCaseLetters(db: Db, caseId: string): Promise<LetterListing[]> {
  const rows = await db
    .select({ letterId: letters.id, kind: letters.kind, fileName: letters.fileName, sizeBytes: letters.sizeBytes, deliveryMethod: letters.deliveryMethod, sentAt: letters.sentAt, createdAt: letters.createdAt, pdfBytes: letters.pdfBytes })
    .from(letters)
    .where(eq(letters.caseId, caseId))
    .orderBy(asc(letters.createdAt));
  return rows.map(({ pdfBytes, ...row }) => ({ ...row, hasBytes: pdfBytes !== null }));
}

/** One letter's PDF, only when it belongs to the case named (so ids cannot be mixed across cases). */
export async function readLetterPdf(db: Db, caseId: string, letterId: string): Promise<{ fileName: string; contentType: string; bytes: Uint8Array } | null> {
  const [row] = await db.select({ fileName: letters.fileName, contentType: letters.contentType, bytes: letters.pdfBytes }).from(letters).where(and(eq(letters.id, letterId), eq(letters.caseId, caseId))).limit(1);
  return row?.bytes ? { fileName: row.fileName, contentType: row.contentType, bytes: row.bytes } : null;
}
