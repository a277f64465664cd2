import { open, readFile, rm, stat } from 'node:fs/promises';

// A provisioning run that takes longer than this has crashed or hung: its lock is taken over.
const STALE_LOCK_MS = 30 * 60_000;
const POLL_INTERVAL_MS = 250;

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function isLockStale(lockPath: string): Promise<boolean> {
  try {
    const [content, info] = await Promise.all([readFile(lockPath, 'utf8'), stat(lockPath)]);
    const pid = Number.parseInt(content, 10);
    return !Number.isFinite(pid) || !isProcessAlive(pid) || Date.now() - info.mtimeMs > STALE_LOCK_MS;
  } catch {
    return true;
  }
}

/**
 * Runs `action` while holding an exclusive lock file (created with O_EXCL, holding our pid), so
 * that concurrent provisioning runs — several test processes, `npm start` beside `npm test` —
 * install once and the others reuse. A lock left by a dead process is taken over.
 */
export async function withFileLock<T>(lockPath: string, action: () => Promise<T>): Promise<T> {
  for (;;) {
    try {
      const handle = await open(lockPath, 'wx');
      await handle.writeFile(String(process.pid));
      await handle.close();
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (await isLockStale(lockPath)) await rm(lockPath, { force: true });
      else await new Promise((resolve) => setTimeout(resolve, POLL_INTERVAL_MS));
    }
  }
  try {
    return await action();
  } finally {
    await rm(lockPath, { force: true });
  }
}
