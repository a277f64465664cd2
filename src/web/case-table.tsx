import { PriorityChip, SlaChip, StatusChip } from './case-badges.js';
import type { CaseRow } from './case-types.js';
import { lookUpIn, nameQueue } from './describe-case-event.js';
import { formatInstant, formatTimeLeft, humanizeCode } from './format-time.js';

export interface CaseTableProps {
  cases: CaseRow[];
  caption: string;
  now: Date;
  /** The zone times are shown in (the reader's); UTC when absent. */
  timeZone?: string;
  linkPrefix?: string;
  showCustomer?: boolean;
  /** The id of a form the rows' checkboxes belong to (bulk actions); no checkboxes when absent. */
  selectForm?: string;
  /** Names by key (`queue:<code>`); a queue it lacks shows its code in words. */
  names?: ReadonlyMap<string, string>;
}

/** A list of cases with links to their detail; `caption` names the list for screen readers. */
export function CaseTable(props: CaseTableProps) {
  const linkPrefix = props.linkPrefix ?? '/app/cases/';
  if (props.cases.length === 0) return <p class="muted">No cases.</p>;
  return (
    <div class="table-scroll" tabindex={0}>
      <table data-select-form={props.selectForm}>
        <caption class="visually-hidden">{props.caption}</caption>
        <thead>
          <tr>
            {props.selectForm && (
              <th scope="col">
                <span class="visually-hidden">Select</span>
                {/* Shown by the bulk-selection script: without scripts it could not work. */}
                <input type="checkbox" data-select-all hidden aria-label="Select every case on this page" />
              </th>
            )}
            <th scope="col">Case</th><th scope="col">Subject</th>{props.showCustomer !== false && <th scope="col">Customer</th>}
            <th scope="col">Priority</th><th scope="col">Status</th><th scope="col">Queue / assignee</th><th scope="col">SLA</th><th scope="col">Created</th>
          </tr>
        </thead>
        <tbody>
          {props.cases.map((row) => (
            <tr data-case-id={row.caseId}>
              {props.selectForm && <td><input type="checkbox" name="caseId" value={row.caseId} form={props.selectForm} aria-label={`Select case #${row.caseNumber}`} /></td>}
              <td><a href={`${linkPrefix}${row.caseId}`}>#{row.caseNumber}</a></td>
              <td>{row.subject}<div class="muted">{humanizeCode(row.caseType)}</div></td>
              {props.showCustomer !== false && <td>{row.customerName}</td>}
              <td><PriorityChip priority={row.priority} /></td>
              <td><StatusChip status={row.status} /></td>
              <td>{nameQueue(row.queue, lookUpIn(props.names))}<div class="muted">{row.assigneeName ?? 'unassigned'}</div></td>
              <td><SlaChip state={row.slaState} /><div class="muted">{formatTimeLeft(row.nextDeadlineAt, props.now)}</div></td>
              <td>{formatInstant(row.createdAt, props.timeZone)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
