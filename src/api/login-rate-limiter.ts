export interface LoginRateLimiterOptions {
  maxFailures: number;
  windowMs: number;
  now: () => Date;
}

export interface LoginRateLimiter {
  /** Seconds until the key may try again; 0 when it may try now. */
  retryAfterSeconds(key: string): number;
  recordFailure(key: string): void;
  reset(key: string): void;
}

// Bounded so a flood of distinct keys cannot exhaust memory; the oldest windows go first.
const maxTrackedKeys = 50_000;

/**
 * Counts failed logins per key (account + client address) in a fixed window. In memory, per
 * process: with several API processes each allows `maxFailures`, which still bounds guessing.
 */
export function createLoginRateLimiter(options: LoginRateLimiterOptions): LoginRateLimiter {
  const windows = new Map<string, { startedAtMs: number; failures: number }>();
  const currentWindow = (key: string) => {
    const window = windows.get(key);
    if (window && options.now().getTime() - window.startedAtMs < options.windowMs) return window;
    windows.delete(key);
    return undefined;
  };
  return {
    retryAfterSeconds(key) {
      const window = currentWindow(key);
      if (!window || window.failures < options.maxFailures) return 0;
      return Math.max(1, Math.ceil((window.startedAtMs + options.windowMs - options.now().getTime()) / 1000));
    },
    recordFailure(key) {
      const window = currentWindow(key);
      if (window) window.failures += 1;
      else {
        if (windows.size >= maxTrackedKeys) windows.delete(windows.keys().next().value!);
        windows.set(key, { startedAtMs: options.now().getTime(), failures: 1 });
      }
    },
    reset(key) {
      windows.delete(key);
    },
  };
}
