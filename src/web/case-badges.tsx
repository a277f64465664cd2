import { caseStatusLabels, casePriorityLabels, type CasePriority, type CaseStatus } from '../domain/case-vocabulary.js';
import { humanizeCode } from './format-time.js';

const slaTone: Record<string, string> = { breached: 'bad', missed: 'bad', warning: 'warn', on_track: 'ok', met: 'ok', paused: '' };

/** The SLA state as a coloured chip with words (colour is never the only signal). */
export function SlaChip(props: { state: string }) {
  return <span class={`chip ${slaTone[props.state] ?? ''}`}>SLA {humanizeCode(props.state)}</span>;
}

export function StatusChip(props: { status: string }) {
  return <span class="chip">{caseStatusLabels[props.status as CaseStatus] ?? humanizeCode(props.status)}</span>;
}

export function PriorityChip(props: { priority: string }) {
  const tone = props.priority === 'P1' ? 'bad' : props.priority === 'P2' ? 'warn' : '';
  return <span class={`chip ${tone}`}>{props.priority} {casePriorityLabels[props.priority as CasePriority] ?? ''}</span>;
}
