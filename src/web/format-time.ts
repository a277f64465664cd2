const minuteMs = 60_000;

/** "2d 3h left", "45m left" or "3h 10m overdue": the time to a deadline, as a person reads it. */
export function formatTimeLeft(dueAt: string | null, now: Date): string {
  if (!dueAt) return '—';
  const leftMs = new Date(dueAt).getTime() - now.getTime();
  const totalMinutes = Math.floor(Math.abs(leftMs) / minuteMs);
  const days = Math.floor(totalMinutes / 1440);
  const hours = Math.floor((totalMinutes % 1440) / 60);
  const minutes = totalMinutes % 60;
  const parts = days > 0 ? [`${days}d`, `${hours}h`] : hours > 0 ? [`${hours}h`, `${minutes}m`] : [`${minutes}m`];
  return `${parts.join(' ')} ${leftMs >= 0 ? 'left' : 'overdue'}`;
}

// Building an Intl formatter costs far more than using one; a 50-row page formats 100+ instants.
const formatters = new Map<string, Intl.DateTimeFormat>();

function readFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZoneName: 'short' });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Tells whether `timeZone` is an IANA zone this runtime knows (region data is admin input). */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    readFormatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/**
 * A timestamp as wall-clock time in `timeZone` with the zone's abbreviation, e.g.
 * "2026-11-23 09:05 EST" (US zones) or "2026-11-23 15:05 GMT+1" where no abbreviation exists.
 * UTC when no zone is given or the zone is unknown.
 */
export function formatInstant(instant: string | Date | null | undefined, timeZone = 'UTC'): string {
  if (!instant) return '—';
  const at = instant instanceof Date ? instant : new Date(instant);
  if (Number.isNaN(at.getTime())) return '—';
  const parts = Object.fromEntries(readFormatter(isKnownTimeZone(timeZone) ? timeZone : 'UTC').formatToParts(at).map((part) => [part.type, part.value]));
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute} ${parts.timeZoneName}`;
}

/** Words for a code: `in_progress` → "in progress". */
export function humanizeCode(code: string | null | undefined): string {
  return code ? code.replace(/[_-]+/g, ' ') : '—';
}

/** Money from cents, e.g. "$1,234.50". */
export function formatMoney(cents: number, currency: string): string {
  return new Intl.NumberFormat('en-US', { style: 'currency', currency }).format(cents / 100);
}
