import { describe, expect, it } from 'vitest';
import { renderHistoryTimeline, type HistoryEventJson, type PayloadJson } from '../../src/temporal/history-timeline.js';

const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
const json = (value: unknown): PayloadJson => ({ metadata: { encoding: base64('json/plain') }, data: base64(JSON.stringify(value)) });
const time = (iso: string) => ({ seconds: String(Date.parse(iso) / 1000), nanos: 0 });

function event(eventId: number, eventType: string, attributesKey: string, attributes: Record<string, unknown>, extra: Partial<HistoryEventJson> = {}): HistoryEventJson {
  return { eventId: String(eventId), eventTime: time(`2026-03-02T15:00:0${eventId}Z`), eventType: `EVENT_TYPE_${eventType}`, [attributesKey]: attributes, ...extra };
}

describe('renderHistoryTimeline', () => {
  const events: HistoryEventJson[] = [
    event(1, 'WORKFLOW_EXECUTION_STARTED', 'workflowExecutionStartedEventAttributes', { workflowType: { name: 'caseWorkflow' } }),
    event(2, 'WORKFLOW_TASK_SCHEDULED', 'workflowTaskScheduledEventAttributes', {}),
    event(3, 'WORKFLOW_EXECUTION_UPDATE_ACCEPTED', 'workflowExecutionUpdateAcceptedEventAttributes', { acceptedRequest: { input: { name: 'reclassify', args: { payloads: [json({ actorId: 'user:senior-2' })] } } } }),
    event(4, 'ACTIVITY_TASK_SCHEDULED', 'activityTaskScheduledEventAttributes', { activityType: { name: 'sendComplaintLetter' } }, { userMetadata: { summary: json('Acknowledgement letter') } }),
    event(5, 'ACTIVITY_TASK_FAILED', 'activityTaskFailedEventAttributes', { scheduledEventId: '4', failure: { message: 'connection reset' } }),
    event(6, 'TIMER_STARTED', 'timerStartedEventAttributes', { timerId: '7', startToFireTimeout: { seconds: '1209600' } }, { userMetadata: { summary: json('Business day 10: compliance escalation') } }),
    event(7, 'TIMER_CANCELED', 'timerCanceledEventAttributes', { timerId: '7', startedEventId: '6' }),
    // The SDK core's local-activity marker: the activity type sits in the `data` details.
    event(8, 'MARKER_RECORDED', 'markerRecordedEventAttributes', {
      markerName: 'core_local_activity',
      details: { data: { payloads: [json({ seq: 1, attempt: 1, activity_id: '1', activity_type: 'projectCaseEvent' })] }, result: { payloads: [json({ isNewEvent: true })] } },
    }, { userMetadata: { summary: json('#5 note_added') } }),
    event(9, 'MARKER_RECORDED', 'markerRecordedEventAttributes', {
      markerName: 'core_local_activity',
      details: { data: { payloads: [json({ seq: 2, attempt: 3, activity_id: '2', activity_type: 'loadCasePolicy' })] } },
      failure: { message: 'database unavailable' },
    }),
  ];

  it('renders time, type, actor and summary per event, leaving out workflow-task bookkeeping', () => {
    expect(renderHistoryTimeline([{ runId: 'run-1', history: { events } }]).map(({ eventId, at, type, actor, summary }) => [eventId, at, type, actor, summary])).toEqual([
      [1, '2026-03-02T15:00:01.000Z', 'WorkflowExecutionStarted', 'system', 'Workflow caseWorkflow started'],
      [3, '2026-03-02T15:00:03.000Z', 'WorkflowExecutionUpdateAccepted', 'user:senior-2', 'Update reclassify accepted'],
      [4, '2026-03-02T15:00:04.000Z', 'ActivityTaskScheduled', 'activity:sendComplaintLetter', 'Activity sendComplaintLetter scheduled: Acknowledgement letter'],
      [5, '2026-03-02T15:00:05.000Z', 'ActivityTaskFailed', 'activity:sendComplaintLetter', 'Activity sendComplaintLetter failed (connection reset): Acknowledgement letter'],
      [6, '2026-03-02T15:00:06.000Z', 'TimerStarted', 'timer', 'Timer 7 set for 14 d: Business day 10: compliance escalation'],
      [7, '2026-03-02T15:00:07.000Z', 'TimerCanceled', 'timer', 'Timer 7 cancelled: Business day 10: compliance escalation'],
      [8, '2026-03-02T15:00:08.000Z', 'MarkerRecorded', 'activity:projectCaseEvent', 'Local activity projectCaseEvent completed: #5 note_added'],
      [9, '2026-03-02T15:00:09.000Z', 'MarkerRecorded', 'activity:loadCasePolicy', 'Local activity loadCasePolicy failed (database unavailable)'],
    ]);
  });
});
