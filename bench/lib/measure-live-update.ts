import type postgres from 'postgres';
import { chromium } from 'playwright-core';
import { caseChangedChannel } from '../../activities/case-projection.js';

export interface LiveUpdateOptions {
  /** The app's base URL, e.g. http://127.0.0.1:1234. */
  baseUrl: string;
  /** Who posts the notes (CSR tooling over the API). */
  bearerToken: string;
  /** The browser's session: a staff user who may open the case. */
  sessionCookie: { name: string; value: string };
  /** A postgres.js client on the case database; LISTEN takes one connection of its own. */
  sql: postgres.Sql;
  /** An open case whose workflow runs. */
  caseId: string;
  samples: number;
  /** Pause between samples: notes to one case come seconds apart, not back to back. */
  gapMs: number;
  /** How long one note may take to show before it counts as missed. */
  timeoutMs: number;
}

export interface LiveUpdate {
  /** Notes that never showed within the timeout (or were refused). */
  missed: number;
  /** Ascending, per note that showed: */
  postToAcceptedMs: number[];
  /** POST sent → the projection's NOTIFY arrives (workflow, activity, commit). */
  postToNotifyMs: number[];
  /** NOTIFY → the `case_changed` event reaches the browser over SSE. */
  notifyToSseMs: number[];
  /** SSE event → the note is in the page (fragment fetched, rendered on the server, swapped in). */
  sseToVisibleMs: number[];
  /** POST sent → the note is in the other browser's page: the figure the goal is about. */
  postToVisibleMs: number[];
}

const markerOf = (index: number) => `wbn-${index}-end`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const ascending = (values: number[]) => values.sort((a, b) => a - b);

/** Resolves with what `take(key)` gives once `report(key, …)` has been called, or undefined after `timeoutMs`. */
function createArrivals<T>() {
  const arrived = new Map<string, T>();
  const waiters = new Map<string, (value: T) => void>();
  return {
    report(key: string, value: T) {
      if (arrived.has(key)) return;
      arrived.set(key, value);
      waiters.get(key)?.(value);
    },
    take(key: string, timeoutMs: number): Promise<T | undefined> {
      if (arrived.has(key)) return Promise.resolve(arrived.get(key));
      return Promise.race([new Promise<T>((resolve) => waiters.set(key, resolve)), sleep(timeoutMs).then(() => undefined)]);
    },
  };
}

/**
 * Opens the case's detail page in headless Chromium (its own session) and posts notes to the
 * case over the API one at a time. Times are wall-clock milliseconds taken where each step
 * happens: the POST here, the NOTIFY on this process's own LISTEN, the SSE event by a second
 * EventSource in the page, the note's appearance by a MutationObserver on the live panel.
 */
export async function measureLiveUpdate(options: LiveUpdateOptions): Promise<LiveUpdate> {
  const notices = createArrivals<number>();
  const sseEvents = createArrivals<number>();
  const visible = createArrivals<number>();
  // Samples are sequential, so each note's event is the next `note_added` of the case.
  let awaitedSample = -1;
  const listener = await options.sql.listen(caseChangedChannel, (raw) => {
    const at = Date.now();
    const notice = JSON.parse(raw) as { caseId: string; type: string; sequence: number };
    if (notice.caseId === options.caseId && notice.type === 'note_added') notices.report(String(awaitedSample), at);
  });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] });
  try {
    const context = await browser.newContext({ baseURL: options.baseUrl });
    await context.addCookies([{ ...options.sessionCookie, url: options.baseUrl }]);
    const page = await context.newPage();
    await page.exposeFunction('reportBenchNote', (index: number, at: number) => visible.report(String(index), at));
    await page.exposeFunction('reportBenchEvent', (at: number) => sseEvents.report(String(awaitedSample), at));
    await page.goto(`/app/cases/${options.caseId}`);
    await page.locator('body[data-live="connected"]').waitFor({ timeout: options.timeoutMs });
    await page.evaluate(`(function () {
      var panel = document.getElementById('case-live');
      var seen = {};
      new MutationObserver(function () {
        var at = Date.now();
        var found = panel.textContent.match(/wbn-(\\d+)-end/g) || [];
        found.forEach(function (marker) { var index = Number(marker.slice(4, -4)); if (!seen[index]) { seen[index] = true; window.reportBenchNote(index, at); } });
      }).observe(panel, { childList: true, subtree: true, characterData: true });
      var events = new EventSource('/api/v1/events');
      events.addEventListener('case_changed', function (event) {
        var at = Date.now();
        var notice = JSON.parse(event.data);
        if (notice.caseId === ${JSON.stringify(options.caseId)} && notice.type === 'note_added') window.reportBenchEvent(at);
      });
    })()`);
    const result: LiveUpdate = { missed: 0, postToAcceptedMs: [], postToNotifyMs: [], notifyToSseMs: [], sseToVisibleMs: [], postToVisibleMs: [] };
    for (let index = 0; index < options.samples; index += 1) {
      awaitedSample = index;
      const postedAt = Date.now();
      const response = await fetch(`${options.baseUrl}/api/v1/cases/${options.caseId}/notes`, {
        method: 'POST',
        headers: { authorization: `Bearer ${options.bearerToken}`, 'content-type': 'application/json' },
        body: JSON.stringify({ body: `Bench note ${markerOf(index)}: the customer called back about the refund.`, visibility: 'internal' }),
      });
      await response.arrayBuffer();
      const acceptedAt = Date.now();
      const [shownAt, notifiedAt, streamedAt] = await Promise.all([visible.take(String(index), options.timeoutMs), notices.take(String(index), options.timeoutMs), sseEvents.take(String(index), options.timeoutMs)]);
      if (response.status !== 202 || shownAt === undefined) {
        result.missed += 1;
      } else {
        result.postToAcceptedMs.push(acceptedAt - postedAt);
        result.postToVisibleMs.push(shownAt - postedAt);
        if (notifiedAt !== undefined) result.postToNotifyMs.push(notifiedAt - postedAt);
        if (notifiedAt !== undefined && streamedAt !== undefined) result.notifyToSseMs.push(streamedAt - notifiedAt);
        if (streamedAt !== undefined) result.sseToVisibleMs.push(shownAt - streamedAt);
      }
      await sleep(options.gapMs);
    }
    for (const values of [result.postToAcceptedMs, result.postToNotifyMs, result.notifyToSseMs, result.sseToVisibleMs, result.postToVisibleMs]) ascending(values);
    return result;
  } finally {
    await browser.close().catch(() => undefined);
    await listener.unlisten();
  }
}
