import { ChartFigure, formatWeekLabel, isLabelledWeek, percentOf, placeColumn } from './chart-figure.js';
import type { CsatWeek } from './dashboard-query.js';

const gutterPercent = 7;
const scoreTopPx = 12;
const scoreBottomPx = 124;
const countTopPx = 160;
const countBottomPx = 210;
const labelPx = 234;
const scores = [1, 2, 3, 4, 5] as const;

const scoreY = (score: number): number => scoreBottomPx - ((score - 1) / 4) * (scoreBottomPx - scoreTopPx);
const formatScore = (score: number | null): string => (score === null ? '—' : score.toFixed(2));

/** The chart's message in words: the period's mean, its answers, the latest week against the first answered one. */
export function summarizeCsatTrend(weeks: CsatWeek[]): string {
  const answered = weeks.filter((week) => week.averageScore !== null);
  const responses = weeks.reduce((total, week) => total + week.responses, 0);
  if (answered.length === 0) return `No CSAT answers in the last ${weeks.length} weeks.`;
  const mean = weeks.reduce((total, week) => total + (week.averageScore ?? 0) * week.responses, 0) / responses;
  const first = answered[0]!;
  const last = answered.at(-1)!;
  return `Average CSAT score per week over the last ${weeks.length} weeks: ${mean.toFixed(2)} of 5 from ${responses} answers; ` +
    `${formatScore(first.averageScore)} in the week of ${formatWeekLabel(first.weekStart)}, ${formatScore(last.averageScore)} in the week of ${formatWeekLabel(last.weekStart)}.`;
}

function ScoreLine(props: { weeks: CsatWeek[] }) {
  const x = (index: number) => percentOf(placeColumn(index, props.weeks.length, gutterPercent));
  return (
    <g>
      {props.weeks.map((week, index) => {
        const next = props.weeks[index + 1];
        // A week without answers breaks the line rather than inventing a score for it.
        if (week.averageScore === null || !next || next.averageScore === null) return null;
        return <line class="chart-line" x1={x(index)} y1={scoreY(week.averageScore)} x2={x(index + 1)} y2={scoreY(next.averageScore)} />;
      })}
      {props.weeks.map((week, index) =>
        week.averageScore === null ? null : (
          <circle class="chart-point" cx={x(index)} cy={scoreY(week.averageScore)} r="4.5">
            <title>{`${formatWeekLabel(week.weekStart)}: ${formatScore(week.averageScore)} from ${week.responses} answers`}</title>
          </circle>
        ),
      )}
    </g>
  );
}

function ResponseBars(props: { weeks: CsatWeek[] }) {
  const largest = Math.max(1, ...props.weeks.map((week) => week.responses));
  const columnPercent = (100 - gutterPercent) / props.weeks.length;
  return (
    <g>
      <text x={percentOf(gutterPercent - 1)} y={countTopPx + 4} text-anchor="end">{largest}</text>
      <text x={percentOf(gutterPercent - 1)} y={countBottomPx} text-anchor="end">0</text>
      <line class="chart-grid" x1={percentOf(gutterPercent)} x2="100%" y1={countBottomPx} y2={countBottomPx} />
      {props.weeks.map((week, index) => {
        const heightPx = (week.responses / largest) * (countBottomPx - countTopPx);
        return (
          <rect class="chart-count" x={percentOf(placeColumn(index, props.weeks.length, gutterPercent) - columnPercent * 0.3)} width={percentOf(columnPercent * 0.6)} y={countBottomPx - heightPx} height={heightPx}>
            <title>{`${formatWeekLabel(week.weekStart)}: ${week.responses} answers`}</title>
          </rect>
        );
      })}
    </g>
  );
}

/** Weekly average CSAT score (line, 1–5) above the number of answers per week (bars). */
export function CsatTrendChart(props: { weeks: CsatWeek[] }) {
  const { weeks } = props;
  const table = (
    <table>
      <caption class="visually-hidden">CSAT by week</caption>
      <thead><tr><th scope="col">Week of</th><th scope="col">Average score</th><th scope="col">Answers</th></tr></thead>
      <tbody>
        {weeks.map((week) => (
          <tr data-week={week.weekStart.toISOString().slice(0, 10)}><th scope="row">{formatWeekLabel(week.weekStart)}</th><td>{formatScore(week.averageScore)}</td><td>{week.responses}</td></tr>
        ))}
      </tbody>
    </table>
  );
  return (
    <ChartFigure id="csat-trend" title="CSAT trend" summary={summarizeCsatTrend(weeks)} heightPx={242} table={table}
      legend={[{ swatch: 'swatch-line', label: 'Average score (1–5)' }, { swatch: 'swatch-count', label: 'Answers per week' }]}>
      {scores.map((score) => (
        <g>
          <line class="chart-grid" x1={percentOf(gutterPercent)} x2="100%" y1={scoreY(score)} y2={scoreY(score)} />
          <text x={percentOf(gutterPercent - 1)} y={scoreY(score) + 4} text-anchor="end">{score}</text>
        </g>
      ))}
      <ScoreLine weeks={weeks} />
      <ResponseBars weeks={weeks} />
      {weeks.map((week, index) =>
        isLabelledWeek(index, weeks.length) ? <text x={percentOf(placeColumn(index, weeks.length, gutterPercent))} y={labelPx} text-anchor="middle">{formatWeekLabel(week.weekStart)}</text> : null,
      )}
    </ChartFigure>
  );
}
