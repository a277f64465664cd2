import { readdir, readFile } from 'node:fs/promises';

// /proc/<pid>/stat counts in clock ticks; Linux fixes USER_HZ at 100 for user space.
const TICKS_PER_SECOND = 100;

/**
 * Finds the process whose command line contains `fragment` (Linux /proc), e.g. the dev server by
 * its database file, whose pid its starter does not expose. Undefined when none or not on Linux.
 */
export async function findProcessByCommandLine(fragment: string): Promise<number | undefined> {
  const entries = await readdir('/proc').catch(() => [] as string[]);
  for (const entry of entries) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    const commandLine = await readFile(`/proc/${entry}/cmdline`, 'utf8').catch(() => '');
    if (commandLine.includes(fragment)) return Number(entry);
  }
  return undefined;
}

/** User + system CPU time the process has used so far, all its threads; NaN when unreadable. */
export async function readProcessCpuMs(pid: number | undefined): Promise<number> {
  if (pid === undefined) return Number.NaN;
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => undefined);
  if (!stat) return Number.NaN;
  // Fields after the parenthesised command name (which may contain spaces): utime is the 12th, stime the 13th.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND) * 1000;
}
