import type { CaseSummary } from '../../db/case-repository.js';
import type { Principal } from '../auth/principal.js';
import { presentCaseSummary } from './case-presenter.js';

const columns = ['caseNumber', 'status', 'priority', 'caseType', 'channel', 'subject', 'customerName', 'customerPhone', 'customerEmail', 'queue', 'assigneeName', 'slaState', 'nextDeadlineAt', 'createdAt', 'updatedAt'] as const;

export const caseCsvHeader = `${columns.join(',')}\r\n`;

/**
 * One CSV cell (RFC 4180 quoting). Cells that a spreadsheet would run as a formula (= + - @, tab,
 * CR) get a leading apostrophe: exports are opened in Excel, and case subjects come from customers.
 */
function formatCell(value: unknown): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** CSV lines of cases, masked exactly as the JSON list is for the caller. */
export function formatCaseCsvRows(principal: Principal, rows: CaseSummary[]): string {
  return rows
    .map((row) => {
      const presented = presentCaseSummary(principal, row);
      return `${columns.map((column) => formatCell(presented[column])).join(',')}\r\n`;
    })
    .join('');
}
