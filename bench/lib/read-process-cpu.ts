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

/**
 * CPU time of a process and its children: its own, what its exited children used, and what each
 * live child has used so far (Postgres: the postmaster and every backend). NaN when unreadable.
 */
export async function readProcessTreeCpuMs(rootPid: number | undefined): Promise<number> {
  if (rootPid === undefined) return Number.NaN;
  const readFields = async (pid: number | string) => {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => undefined);
    return stat?.slice(stat.lastIndexOf(')') + 2).split(' ');
  };
  const root = await readFields(rootPid);
  if (!root) return Number.NaN;
  // utime, stime, then cutime and cstime (children already reaped).
  let ticks = Number(root[11]) + Number(root[12]) + Number(root[13]) + Number(root[14]);
  const entries = await readdir('/proc').catch(() => [] as string[]);
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    const fields = await readFields(entry);
    if (fields && Number(fields[1]) === rootPid) ticks += Number(fields[11]) + Number(fields[12]);
  }
  return (ticks / TICKS_PER_SECOND) * 1000;
}
