import { ChartFigure, formatShare, formatWeekLabel, isLabelledWeek, percentOf, placeColumn } from './chart-figure.js';
import type { SlaCompliance, SlaTally } from './dashboard-query.js';
import { lookUpIn, nameQueue } from './describe-case-event.js';

const gutterPercent = 11;
const plotTopPx = 10;
const plotBottomPx = 160;
const labelPx = 184;
const queueRowPx = 42;
const legend = [{ swatch: 'swatch-met', label: 'Within target' }, { swatch: 'swatch-breached', label: 'Breached' }];

/** Breached bars are hatched as well as red, so they differ from met ones without colour (WCAG 1.4.1). */
function BreachedHatch(props: { id: string }) {
  return (
    <defs>
      <pattern id={props.id} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
        <rect class="chart-breached" width="6" height="6" />
        <line class="chart-hatch" x1="0" y1="0" x2="0" y2="6" />
      </pattern>
    </defs>
  );
}

const sumTallies = (tallies: SlaTally[]): SlaTally => tallies.reduce((total, tally) => ({ resolved: total.resolved + tally.resolved, breached: total.breached + tally.breached }), { resolved: 0, breached: 0 });
const describeTally = (tally: SlaTally): string => `${formatShare(tally.resolved - tally.breached, tally.resolved)} within target (${tally.resolved - tally.breached} of ${tally.resolved})`;

function TallyTable(props: { caption: string; heading: string; rows: Array<{ key: string; label: string; tally: SlaTally }> }) {
  return (
    <table>
      <caption class="visually-hidden">{props.caption}</caption>
      <thead><tr><th scope="col">{props.heading}</th><th scope="col">Resolved</th><th scope="col">Within target</th><th scope="col">Breached</th><th scope="col">Share within target</th></tr></thead>
      <tbody>
        {props.rows.map((row) => (
          <tr data-row={row.key}>
            <th scope="row">{row.label}</th><td>{row.tally.resolved}</td><td>{row.tally.resolved - row.tally.breached}</td><td>{row.tally.breached}</td><td>{formatShare(row.tally.resolved - row.tally.breached, row.tally.resolved)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Share of the cases resolved each week that met their resolution target: 100 % stacked columns, met below breached. */
export function SlaComplianceChart(props: { compliance: SlaCompliance }) {
  const weeks = props.compliance.byWeek;
  const total = sumTallies(weeks);
  const columnPercent = (100 - gutterPercent) / weeks.length;
  const y = (share: number) => plotBottomPx - share * (plotBottomPx - plotTopPx);
  const summary = total.resolved === 0
    ? `No cases resolved in the last ${weeks.length} weeks.`
    : `Cases resolved within their resolution target, per week over the last ${weeks.length} weeks: ${describeTally(total)} in all.`;
  const rows = weeks.map((week) => ({ key: week.weekStart.toISOString().slice(0, 10), label: formatWeekLabel(week.weekStart), tally: week }));
  return (
    <ChartFigure id="sla-weekly" title="SLA compliance by week" summary={summary} heightPx={192} legend={legend}
      table={<TallyTable caption="SLA compliance by week" heading="Week of" rows={rows} />}>
      <BreachedHatch id="sla-weekly-hatch" />
      {[0, 0.5, 1].map((share) => (
        <g>
          <line class="chart-grid" x1={percentOf(gutterPercent)} x2="100%" y1={y(share)} y2={y(share)} />
          <text x={percentOf(gutterPercent - 1)} y={y(share) + 4} text-anchor="end">{`${share * 100}%`}</text>
        </g>
      ))}
      {weeks.map((week, index) => {
        const left = percentOf(placeColumn(index, weeks.length, gutterPercent) - columnPercent * 0.32);
        const width = percentOf(columnPercent * 0.64);
        const metShare = week.resolved > 0 ? (week.resolved - week.breached) / week.resolved : 0;
        const label = `${formatWeekLabel(week.weekStart)}: ${describeTally(week)}`;
        return week.resolved === 0 ? null : (
          <g>
            <title>{label}</title>
            <rect class="chart-met" x={left} width={width} y={y(metShare)} height={y(0) - y(metShare)} />
            <rect fill="url(#sla-weekly-hatch)" x={left} width={width} y={y(1)} height={y(metShare) - y(1)} />
          </g>
        );
      })}
      {weeks.map((week, index) =>
        isLabelledWeek(index, weeks.length) ? <text x={percentOf(placeColumn(index, weeks.length, gutterPercent))} y={labelPx} text-anchor="middle">{formatWeekLabel(week.weekStart)}</text> : null,
      )}
    </ChartFigure>
  );
}

/** The same over the whole period, one bar per queue (largest first): where targets are missed. */
export function SlaComplianceByQueueChart(props: { compliance: SlaCompliance; weekCount: number; names: ReadonlyMap<string, string> }) {
  const nameOf = lookUpIn(props.names);
  const rows = props.compliance.byQueue.map((queue) => ({ key: queue.queue, label: nameQueue(queue.queue, nameOf), tally: queue }));
  const summary = rows.length === 0
    ? `No cases resolved in the last ${props.weekCount} weeks.`
    : `Cases resolved within their resolution target per queue over the last ${props.weekCount} weeks: ${rows.map(({ label, tally }) => `${label} ${describeTally(tally)}`).join('; ')}.`;
  return (
    <ChartFigure id="sla-queues" title={`SLA compliance by queue (${props.weekCount} weeks)`} summary={summary} heightPx={Math.max(1, rows.length) * queueRowPx} legend={legend}
      table={<TallyTable caption="SLA compliance by queue" heading="Queue" rows={rows} />}>
      <BreachedHatch id="sla-queues-hatch" />
      {rows.length === 0 && <text x="0" y="24">No cases resolved.</text>}
      {rows.map(({ label, tally: queue }, index) => {
        const top = index * queueRowPx;
        const metPercent = queue.resolved > 0 ? ((queue.resolved - queue.breached) / queue.resolved) * 100 : 0;
        return (
          <g>
            <title>{`${label}: ${describeTally(queue)}`}</title>
            <text x="0" y={top + 14}>{label}</text>
            <text x="100%" y={top + 14} text-anchor="end">{`${formatShare(queue.resolved - queue.breached, queue.resolved)} of ${queue.resolved}`}</text>
            <rect class="chart-met" x="0" width={percentOf(metPercent)} y={top + 20} height="12" />
            <rect fill="url(#sla-queues-hatch)" x={percentOf(metPercent)} width={percentOf(100 - metPercent)} y={top + 20} height="12" />
          </g>
        );
      })}
    </ChartFigure>
  );
}
