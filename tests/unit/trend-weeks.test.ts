import { describe, expect, it } from 'vitest';
import { listTrendWeeks } from '../../src/web/dashboard-query.js';
import { formatShare, isLabelledWeek } from '../../src/web/chart-figure.js';

const isoDays = (weeks: Date[]) => weeks.map((week) => week.toISOString());

describe('the weeks of the dashboard trends', () => {
  it.each([
    ['on a Monday morning', '2026-11-23T10:00:00Z'],
    ['at Monday midnight', '2026-11-23T00:00:00Z'],
    ['on the Sunday before midnight', '2026-11-29T23:59:59Z'],
  ])('end with the week holding now, starting Monday 00:00 UTC, %s', (_, now) => {
    const weeks = listTrendWeeks(new Date(now), 12);
    expect(weeks).toHaveLength(12);
    expect(weeks.at(-1)!.toISOString()).toBe('2026-11-23T00:00:00.000Z');
    expect(weeks[0]!.toISOString()).toBe('2026-09-07T00:00:00.000Z');
  });

  it('steps back exactly seven days each, across a change of daylight-saving time elsewhere', () => {
    const weeks = listTrendWeeks(new Date('2026-11-02T12:00:00Z'), 3);
    expect(isoDays(weeks)).toEqual(['2026-10-19T00:00:00.000Z', '2026-10-26T00:00:00.000Z', '2026-11-02T00:00:00.000Z']);
  });

  it('names every third week counting back from the current one, and shares of nothing as a dash', () => {
    expect([...Array(12).keys()].filter((index) => isLabelledWeek(index, 12))).toEqual([2, 5, 8, 11]);
    expect(formatShare(5, 6)).toBe('83%');
    expect(formatShare(0, 0)).toBe('—');
  });
});
