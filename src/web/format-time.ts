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

/** A timestamp in the reader's terms (UTC, minutes), e.g. "2026-11-23 14:05 UTC". */
export function formatInstant(iso: string | null | undefined): string {
  if (!iso) return '—';
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

/** Words for a code: `in_progress` → "in progress". */
export function humanizeCode(code: string | null | undefined): string {
  return code ? code.replace(/[_-]+/g, ' ') : '—';
}

/** Money from cents, e.g. "$1,234.50". */
export function formatMoney(cents: number, currency: string): string {
  return new Intl.NumberFormat('en-US', { style: 'currency', currency }).format(cents / 100);
}
