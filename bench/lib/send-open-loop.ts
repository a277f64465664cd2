const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Calls `send(index)` open-loop at `ratePerSecond` for `durationSec` (never waiting for earlier
 * calls, so a slow server shows as latency, not as a lower offered rate) and returns how many were
 * sent and the achieved rate. Failures are the caller's to record inside `send`.
 */
export async function sendOpenLoop(ratePerSecond: number, durationSec: number, send: (index: number) => void): Promise<{ sent: number; sentPerSecond: number }> {
  const startedAt = performance.now();
  const durationMs = durationSec * 1000;
  let sent = 0;
  for (let elapsedMs = 0; elapsedMs < durationMs; elapsedMs = performance.now() - startedAt) {
    for (const due = Math.floor((elapsedMs / 1000) * ratePerSecond); sent < due; sent++) send(sent);
    await sleep(5);
  }
  return { sent, sentPerSecond: sent / ((performance.now() - startedAt) / 1000) };
}

/** Waits until `isDone()` or the timeout, polling every 50 ms. */
export async function waitUntil(isDone: () => boolean, timeoutMs: number): Promise<void> {
  const giveUpAt = performance.now() + timeoutMs;
  while (!isDone() && performance.now() < giveUpAt) await sleep(50);
}
