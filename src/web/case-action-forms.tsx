import type { UserRole } from '../../db/schema.js';
import { caseActionStatuses, type CaseAction } from '../domain/case-actions.js';
import { casePriorities, casePriorityLabels, resolutionCategories, resolutionCategoryLabels, type CaseStatus } from '../domain/case-vocabulary.js';
import { canCallApi } from './page-access.js';
import type { PickOption } from './reference-lists.js';

/** The API path segment of each action (POST /cases/{caseId}/<segment>). */
export const actionPathSegments: Record<CaseAction, string> = {
  note: 'notes', assign: 'assign', transfer: 'transfer', escalate: 'escalate', 'de-escalate': 'de-escalate',
  priority: 'priority', pause: 'pause', resume: 'resume', resolve: 'resolve', reopen: 'reopen',
};

const actionLabels: Record<CaseAction, string> = {
  note: 'Add a note', assign: 'Assign', transfer: 'Transfer', escalate: 'Escalate', 'de-escalate': 'De-escalate',
  priority: 'Change priority', pause: 'Pause (waiting on customer)', resume: 'Resume', resolve: 'Resolve', reopen: 'Reopen',
};

/** The actions a role may take on a case in its status: the access matrix and the state machine decide. */
export function listAvailableActions(role: UserRole, status: CaseStatus): CaseAction[] {
  return (Object.keys(actionPathSegments) as CaseAction[]).filter(
    (action) => canCallApi(role, 'POST', `/cases/x/${actionPathSegments[action]}`) && caseActionStatuses[action].includes(status),
  );
}

function Reason(props: { id: string; isRequired?: boolean }) {
  return <label>Reason<textarea id={props.id} name="reason" required={props.isRequired !== false} maxlength={1000} rows={2}></textarea></label>;
}

function ActionFields(props: { action: CaseAction; queues: PickOption[]; agents: PickOption[] }) {
  const id = (name: string) => `${props.action}-${name}`;
  switch (props.action) {
    case 'note':
      return (
        <>
          <label>Note<textarea id={id('body')} name="body" required maxlength={10000} rows={3} aria-keyshortcuts="n"></textarea></label>
          <fieldset>
            <legend>Who sees it</legend>
            <label class="check"><input type="radio" name="visibility" value="internal" checked /> Internal (staff only)</label>
            <label class="check"><input type="radio" name="visibility" value="customer" /> Customer-visible</label>
          </fieldset>
        </>
      );
    case 'assign':
      return <label>Agent<select name="assigneeId" required>{props.agents.map((agent) => <option value={agent.value}>{agent.label}</option>)}</select></label>;
    case 'transfer':
      return (
        <>
          <label>To queue<select name="toQueue"><option value="">(keep queue)</option>{props.queues.map((queue) => <option value={queue.value}>{queue.label}</option>)}</select></label>
          <label>To agent<select name="toAssigneeId"><option value="">(anyone in the queue)</option>{props.agents.map((agent) => <option value={agent.value}>{agent.label}</option>)}</select></label>
          <Reason id={id('reason')} />
        </>
      );
    case 'priority':
      return (
        <>
          <label>Priority<select name="priority">{casePriorities.map((priority) => <option value={priority}>{priority} {casePriorityLabels[priority]}</option>)}</select></label>
          <Reason id={id('reason')} isRequired={false} />
        </>
      );
    case 'resolve':
      return (
        <>
          <label>Category<select name="category" required>{resolutionCategories.map((category) => <option value={category}>{resolutionCategoryLabels[category]}</option>)}</select></label>
          <label>Resolution notes<textarea name="notes" required maxlength={10000} rows={3}></textarea></label>
        </>
      );
    case 'resume':
      return <p class="muted">The SLA clocks continue from where they stopped.</p>;
    default:
      return <Reason id={id('reason')} />;
  }
}

/** One collapsible form per available action; each posts to the web route that calls the API. */
export function CaseActionForms(props: { caseId: string; actions: CaseAction[]; csrfToken: string; queues: PickOption[]; agents: PickOption[] }) {
  if (props.actions.length === 0) return <p class="muted">No actions available for your role in this status.</p>;
  return (
    <>
      {props.actions.map((action) => (
        <details class="action" open={action === 'note'} data-action={action}>
          <summary>{actionLabels[action]}</summary>
          <form class="stack" method="post" action={`/app/cases/${props.caseId}/actions/${action}`}>
            <input type="hidden" name="_csrf" value={props.csrfToken} />
            <ActionFields action={action} queues={props.queues} agents={props.agents} />
            <button type="submit">{actionLabels[action]}</button>
          </form>
        </details>
      ))}
    </>
  );
}

/** Turns an action form into the JSON body its API route expects (empty optional fields left out). */
export function buildActionBody(action: CaseAction, field: (name: string) => string): Record<string, unknown> {
  const optional = (name: string) => (field(name) ? { [name]: field(name) } : {});
  switch (action) {
    case 'note': return { body: field('body'), visibility: field('visibility') === 'customer' ? 'customer' : 'internal' };
    case 'assign': return { assigneeId: field('assigneeId') };
    case 'transfer': return { reason: field('reason'), ...optional('toQueue'), ...optional('toAssigneeId') };
    case 'priority': return { priority: field('priority'), ...optional('reason') };
    case 'resolve': return { category: field('category'), notes: field('notes') };
    case 'resume': return {};
    default: return { reason: field('reason') };
  }
}
