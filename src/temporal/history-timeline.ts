/**
 * Renders a Temporal workflow history as a timeline people can read: when, what, who. Pure over
 * the history's plain-JSON form (protobuf `toObject` with longs, enums and bytes as strings; see
 * workflow-history.ts), so the live history and one restored from the archive render alike.
 */

/** A payload as the JSON form carries it: base64 metadata values and data. */
export interface PayloadJson {
  metadata?: Record<string, string>;
  data?: string;
}
interface PayloadsJson {
  payloads?: PayloadJson[];
}
interface TimestampJson {
  seconds?: string;
  nanos?: number;
}
type DurationJson = TimestampJson;

/** One history event; only the fields the timeline reads are typed. */
export interface HistoryEventJson {
  eventId: string;
  eventTime?: TimestampJson;
  eventType: string;
  userMetadata?: { summary?: PayloadJson };
  [attributes: string]: unknown;
}

/** A workflow run's history in its JSON form. */
export interface HistoryJson {
  events: HistoryEventJson[];
}

/** One line of the timeline. */
export interface HistoryTimelineEntry {
  runId: string;
  eventId: number;
  /** ISO-8601 instant of the event. */
  at: string;
  /** The event type without its prefix, e.g. `ActivityTaskScheduled`. */
  type: string;
  /** Who or what: a signal's actor (`user:…`), `activity:<type>`, `timer`, `workflow`, `system`. */
  actor: string;
  summary: string;
}

// Workflow task bookkeeping is how Temporal runs code, not something that happened to the case.
const hiddenTypes = new Set(['WorkflowTaskScheduled', 'WorkflowTaskStarted', 'WorkflowTaskCompleted', 'ActivityTaskStarted']);

function decodePayload(payload: PayloadJson | undefined): unknown {
  if (!payload?.data) return null;
  const encoding = payload.metadata?.encoding ? Buffer.from(payload.metadata.encoding, 'base64').toString('utf8') : '';
  const text = Buffer.from(payload.data, 'base64').toString('utf8');
  if (encoding !== 'json/plain') return `<${encoding || 'binary'} payload>`;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function decodeFirst(payloads: PayloadsJson | undefined): unknown {
  return decodePayload(payloads?.payloads?.[0]);
}

function toIsoInstant(time: TimestampJson | undefined): string {
  const ms = Number(time?.seconds ?? 0) * 1000 + Math.floor((time?.nanos ?? 0) / 1_000_000);
  return new Date(ms).toISOString();
}

function formatDuration(duration: DurationJson | undefined): string {
  const totalMs = Number(duration?.seconds ?? 0) * 1000 + Math.round((duration?.nanos ?? 0) / 1_000_000);
  const units: [number, string][] = [
    [86_400_000, 'd'],
    [3_600_000, 'h'],
    [60_000, 'min'],
    [1000, 's'],
  ];
  const parts: string[] = [];
  let restMs = totalMs;
  for (const [unitMs, label] of units) {
    if (restMs >= unitMs) parts.push(`${Math.floor(restMs / unitMs)} ${label}`);
    restMs %= unitMs;
  }
  if (restMs > 0 || parts.length === 0) parts.push(`${restMs} ms`);
  return parts.join(' ');
}

function findActor(input: unknown): string | null {
  if (typeof input !== 'object' || input === null) return null;
  const record = input as Record<string, unknown>;
  const actor = record.actorId ?? record.actor;
  return typeof actor === 'string' ? actor : null;
}

function toTypeName(eventType: string): string {
  return eventType
    .replace(/^EVENT_TYPE_/, '')
    .toLowerCase()
    .replace(/(^|_)([a-z])/g, (_match, _sep: string, letter: string) => letter.toUpperCase());
}

function withSummary(text: string, summary: unknown): string {
  return typeof summary === 'string' && summary.length > 0 ? `${text}: ${summary}` : text;
}

type Attributes = Record<string, unknown> & {
  activityType?: { name?: string };
  workflowType?: { name?: string };
  signalName?: string;
  input?: PayloadsJson;
  identity?: string;
  scheduledEventId?: string;
  startedEventId?: string;
  timerId?: string;
  startToFireTimeout?: DurationJson;
  failure?: { message?: string };
  continuedExecutionRunId?: string;
  searchAttributes?: { indexedFields?: Record<string, PayloadJson> };
  acceptedRequest?: { input?: { name?: string; args?: PayloadsJson } };
  markerName?: string;
  details?: Record<string, PayloadsJson>;
};

/** The activity type a local-activity marker records in its `data` details (the SDK core's format). */
function readLocalActivityType(attributes: Attributes): string {
  const data = decodeFirst(attributes.details?.data) as { activity_type?: unknown } | undefined;
  return typeof data?.activity_type === 'string' ? data.activity_type : '';
}

function readAttributes(event: HistoryEventJson): Attributes {
  const key = Object.keys(event).find((name) => name.endsWith('EventAttributes'));
  return (key ? event[key] : {}) as Attributes;
}

/** Describes one event; `byId` resolves the scheduling event of a completion or a timer firing. */
function describeEvent(event: HistoryEventJson, byId: Map<string, HistoryEventJson>): { actor: string; summary: string } {
  const attributes = readAttributes(event);
  const type = toTypeName(event.eventType);
  const summary = decodePayload(event.userMetadata?.summary);
  const origin = attributes.scheduledEventId ?? attributes.startedEventId;
  const originEvent = origin ? byId.get(origin) : undefined;
  const originAttributes = originEvent ? readAttributes(originEvent) : {};
  const originSummary = decodePayload(originEvent?.userMetadata?.summary);
  if (type === 'WorkflowExecutionStarted') {
    const continued = attributes.continuedExecutionRunId ? ` (continued from run ${attributes.continuedExecutionRunId})` : '';
    return { actor: 'system', summary: `Workflow ${attributes.workflowType?.name ?? ''} started${continued}` };
  }
  if (type === 'WorkflowExecutionSignaled') {
    const input = decodeFirst(attributes.input);
    return { actor: findActor(input) ?? attributes.identity ?? 'unknown', summary: `Signal ${attributes.signalName ?? ''}` };
  }
  if (type === 'WorkflowExecutionUpdateAccepted') {
    const request = attributes.acceptedRequest?.input;
    return { actor: findActor(decodeFirst(request?.args)) ?? 'unknown', summary: `Update ${request?.name ?? ''} accepted` };
  }
  if (type === 'ActivityTaskScheduled') {
    const name = attributes.activityType?.name ?? '';
    return { actor: `activity:${name}`, summary: withSummary(`Activity ${name} scheduled`, summary) };
  }
  if (type.startsWith('ActivityTask')) {
    const name = originAttributes.activityType?.name ?? '';
    const verb = type.replace('ActivityTask', '').toLowerCase();
    const failure = attributes.failure?.message ? ` (${attributes.failure.message})` : '';
    return { actor: `activity:${name}`, summary: withSummary(`Activity ${name} ${verb}${failure}`, originSummary) };
  }
  if (type === 'MarkerRecorded' && attributes.markerName === 'core_local_activity') {
    const name = readLocalActivityType(attributes);
    const failure = attributes.failure?.message ? ` failed (${attributes.failure.message})` : ' completed';
    return { actor: `activity:${name}`, summary: withSummary(`Local activity ${name}${failure}`, summary) };
  }
  if (type === 'TimerStarted') {
    return { actor: 'timer', summary: withSummary(`Timer ${attributes.timerId ?? ''} set for ${formatDuration(attributes.startToFireTimeout)}`, summary) };
  }
  if (type === 'TimerFired' || type === 'TimerCanceled') {
    return { actor: 'timer', summary: withSummary(`Timer ${attributes.timerId ?? ''} ${type === 'TimerFired' ? 'fired' : 'cancelled'}`, originSummary) };
  }
  if (type === 'UpsertWorkflowSearchAttributes') {
    const fields = Object.entries(attributes.searchAttributes?.indexedFields ?? {}).map(([name, payload]) => `${name} = ${JSON.stringify(decodePayload(payload))}`);
    return { actor: 'workflow', summary: `Search attributes: ${fields.join(', ')}` };
  }
  const failure = attributes.failure?.message ? `: ${attributes.failure.message}` : '';
  return { actor: 'workflow', summary: `${type.replace(/([a-z])([A-Z])/g, '$1 $2')}${failure}` };
}

/**
 * The timeline of one workflow's runs, oldest run first (a continue-as-new chain reads as one
 * story). Workflow-task bookkeeping is left out; every other event keeps its time, type, actor and
 * a one-line summary (signal name and actor, activity type and summary, timer duration and summary,
 * search attributes set).
 */
export function renderHistoryTimeline(runs: readonly { runId: string; history: HistoryJson }[]): HistoryTimelineEntry[] {
  const entries: HistoryTimelineEntry[] = [];
  for (const { runId, history } of runs) {
    const byId = new Map(history.events.map((event) => [event.eventId, event]));
    for (const event of history.events) {
      const type = toTypeName(event.eventType);
      if (hiddenTypes.has(type)) continue;
      entries.push({ runId, eventId: Number(event.eventId), at: toIsoInstant(event.eventTime), type, ...describeEvent(event, byId) });
    }
  }
  return entries;
}
