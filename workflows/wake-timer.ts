import { CancellationScope, isCancellation, sleep } from '@temporalio/workflow';

/**
 * The one durable timer a case waits on for its next deadline. Arming it again for the same
 * instant keeps the timer already running: most signals (notes, replies) move no deadline, and a
 * timer started and cancelled per signal costs two history events and two server tasks each time.
 * A different instant cancels the old timer and starts a new one.
 */
export interface WakeTimer {
  /** Makes sure a timer runs for `wakeAtMs` (at least `minimumDelayMs` from now when started). */
  armFor(wakeAtMs: number, summary: string): void;
  /** Cancels the running timer, if any (the case waits for signals only). */
  disarm(): void;
  /** Whether the timer armed for the current instant has fired. */
  hasFired(): boolean;
}

export function createWakeTimer(minimumDelayMs: number): WakeTimer {
  let armed: { wakeAtMs: number; scope: CancellationScope; hasFired: boolean } | null = null;
  const disarm = (): void => {
    if (armed && !armed.hasFired) armed.scope.cancel();
    armed = null;
  };
  return {
    armFor(wakeAtMs, summary) {
      if (armed?.wakeAtMs === wakeAtMs && !armed.hasFired) return;
      disarm();
      const timer = { wakeAtMs, scope: new CancellationScope(), hasFired: false };
      armed = timer;
      timer.scope
        .run(() => sleep(Math.max(minimumDelayMs, wakeAtMs - Date.now()), { summary }))
        .then(
          () => {
            timer.hasFired = true;
          },
          (error: unknown) => {
            // Cancelled because the deadline moved: the replacement timer is already armed.
            if (!isCancellation(error)) throw error;
          },
        );
    },
    disarm,
    hasFired: () => armed?.hasFired ?? false,
  };
}
