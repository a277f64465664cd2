import { readdirSync, readFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';

// /proc/<pid>/stat counts in clock ticks; Linux fixes USER_HZ at 100 for user space.
const TICKS_PER_SECOND = 100;
const toMs = (ticks: number): number => (ticks / TICKS_PER_SECOND) * 1000;

/**
 * The fields of a /proc stat line after the parenthesised command name (which may contain
 * spaces): [1] is the parent pid, [11] utime, [12] stime, [13] cutime, [14] cstime.
 */
const splitStat = (stat: string): string[] => stat.slice(stat.lastIndexOf(')') + 2).split(' ');
const readStatFields = async (path: string): Promise<string[] | undefined> => {
  const stat = await readFile(path, 'utf8').catch(() => undefined);
  return stat === undefined ? undefined : splitStat(stat);
};

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
  const fields = await readStatFields(`/proc/${pid}/stat`);
  return fields ? toMs(Number(fields[11]) + Number(fields[12])) : Number.NaN;
}

/**
 * CPU time of a process and its children: its own, what its exited children used, and what each
 * live child has used so far (Postgres: the postmaster and every backend). NaN when unreadable.
 */
export async function readProcessTreeCpuMs(rootPid: number | undefined): Promise<number> {
  if (rootPid === undefined) return Number.NaN;
  const root = await readStatFields(`/proc/${rootPid}/stat`);
  if (!root) return Number.NaN;
  let ticks = Number(root[11]) + Number(root[12]) + Number(root[13]) + Number(root[14]);
  const entries = await readdir('/proc').catch(() => [] as string[]);
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    const fields = await readStatFields(`/proc/${entry}/stat`);
    if (fields && Number(fields[1]) === rootPid) ticks += Number(fields[11]) + Number(fields[12]);
  }
  return toMs(ticks);
}

/** CPU time so far of each thread of this process, summed by thread name (Linux; empty elsewhere). Synchronous, for before/after samples. */
export function readThreadCpuMs(): Map<string, number> {
  const byName = new Map<string, number>();
  let threadIds: string[];
  try {
    threadIds = readdirSync('/proc/self/task');
  } catch {
    return byName;
  }
  for (const threadId of threadIds) {
    try {
      const name = readFileSync(`/proc/self/task/${threadId}/comm`, 'utf8').trim();
      const fields = splitStat(readFileSync(`/proc/self/task/${threadId}/stat`, 'utf8'));
      byName.set(name, (byName.get(name) ?? 0) + toMs(Number(fields[11]) + Number(fields[12])));
    } catch {
      // The thread ended between listing and reading.
    }
  }
  return byName;
}
