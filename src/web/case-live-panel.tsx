import { resolutionCategoryLabels, type ResolutionCategory } from '../domain/case-vocabulary.js';
import { PriorityChip, SlaChip, StatusChip } from './case-badges.js';
import type { CaseClock, CaseDetailData, TimelineData } from './case-types.js';
import { describeCaseEvent, lookUpIn, nameQueue } from './describe-case-event.js';
import { formatInstant, formatTimeLeft, humanizeCode } from './format-time.js';

function clockState(clock: CaseClock, now: Date, timeZone?: string): string {
  if (clock.breachedAt) return `breached ${formatInstant(clock.breachedAt, timeZone)}`;
  if (clock.stoppedAt) return `stopped ${formatInstant(clock.stoppedAt, timeZone)}`;
  if (clock.pausedAt) return 'paused';
  return formatTimeLeft(clock.dueAt, now);
}

/** The SLA clocks of a case with the time left on each. */
export function ClockTable(props: { clocks: CaseClock[]; now: Date; timeZone?: string }) {
  if (props.clocks.length === 0) return <p class="muted">No SLA clocks.</p>;
  return (
    <table>
      <caption class="visually-hidden">SLA clocks</caption>
      <thead><tr><th scope="col">Clock</th><th scope="col">Due</th><th scope="col">Time left</th></tr></thead>
      <tbody>
        {props.clocks.map((clock) => (
          <tr><td>{humanizeCode(clock.kind)}</td><td>{formatInstant(clock.dueAt, props.timeZone)}</td><td>{clockState(clock, props.now, props.timeZone)}</td></tr>
        ))}
      </tbody>
    </table>
  );
}

/** Events and notes in one list, oldest first; notes say whether the customer sees them. */
export function CaseTimeline(props: { timeline: TimelineData; showActors: boolean; actorNames?: Map<string, string>; timeZone?: string }) {
  const nameOf = lookUpIn(props.actorNames);
  const notesBySequence = new Map(props.timeline.notes.map((note) => [note.eventSequence, note]));
  return (
    <ol class="timeline" aria-label="Timeline">
      {props.timeline.events.map((event) => {
        const note = notesBySequence.get(event.sequence);
        return (
          <li class={note ? (note.visibility === 'internal' ? 'note-internal' : 'note-customer') : ''} data-event-type={event.type}>
            <div><strong>{describeCaseEvent(event, nameOf)}</strong> <span class="muted">{formatInstant(event.occurredAt, props.timeZone)}{props.showActors && event.actor ? ` · ${nameOf(event.actor)}` : ''}</span></div>
            {note && (
              <div>
                <span class="chip">{note.visibility === 'internal' ? 'Internal note' : 'Customer-visible'}</span> <span class="muted">{nameOf(note.authorName)}</span>
                <p>{note.body}</p>
              </div>
            )}
          </li>
        );
      })}
    </ol>
  );
}

/** Everything about a case that changes while the page is open; re-rendered on each live update. */
export function CaseLivePanel(props: { detail: CaseDetailData; timeline: TimelineData; now: Date; actorNames?: Map<string, string>; timeZone?: string }) {
  const { detail } = props;
  return (
    <div>
      <div class="grid">
        <section class="panel" aria-labelledby="state-title">
          <h2 id="state-title">State</h2>
          <p><StatusChip status={detail.status} /> <PriorityChip priority={detail.priority} /> <SlaChip state={detail.slaState} /></p>
          <dl class="facts">
            <dt>Queue</dt><dd data-field="queue">{nameQueue(detail.queue, lookUpIn(props.actorNames))}</dd>
            <dt>Assignee</dt><dd data-field="assignee">{detail.assigneeName ?? 'unassigned'}</dd>
            <dt>Type</dt><dd>{humanizeCode(detail.caseType)}{detail.isUrgent ? ' (urgent)' : ''}</dd>
            <dt>Channel</dt><dd>{detail.channel}</dd>
            <dt>Customer</dt><dd><a href={`/app/customers/${detail.customerId}`}>{detail.customerName}</a></dd>
            <dt>Escalation</dt><dd>{humanizeCode(detail.escalationGroup)}</dd>
            <dt>Policy version</dt><dd>{detail.slaPolicyVersion ?? '—'}</dd>
            {props.timeZone && <><dt>Times in</dt><dd data-field="time-zone">{props.timeZone} (the case's region)</dd></>}
            {detail.resolutionCategory && <><dt>Resolution</dt><dd>{resolutionCategoryLabels[detail.resolutionCategory as ResolutionCategory] ?? detail.resolutionCategory}</dd></>}
            {detail.csatScore !== null && <><dt>CSAT</dt><dd>{detail.csatScore} / 5</dd></>}
          </dl>
        </section>
        <section class="panel" aria-labelledby="clocks-title">
          <h2 id="clocks-title">SLA clocks</h2>
          <ClockTable clocks={detail.clocks} now={props.now} timeZone={props.timeZone} />
        </section>
      </div>
      <section class="panel" aria-labelledby="timeline-title">
        <h2 id="timeline-title">Timeline</h2>
        <CaseTimeline timeline={props.timeline} showActors actorNames={props.actorNames} timeZone={props.timeZone} />
      </section>
    </div>
  );
}
