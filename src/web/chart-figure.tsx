import type { Child } from 'hono/jsx';

// Charts are SVG drawn on the server with horizontal positions in percent and vertical ones in
// pixels: the drawing stretches to any width while its text keeps the page's font size, so the
// labels stay legible from a phone to a desktop (a viewBox would shrink them with the drawing).

/** Where column `index` of `count` is centred, in percent of the width right of `gutterPercent`. */
export function placeColumn(index: number, count: number, gutterPercent: number): number {
  return gutterPercent + ((index + 0.5) * (100 - gutterPercent)) / count;
}

/** A number as an SVG percentage coordinate. */
export const percentOf = (value: number): string => `${value.toFixed(2)}%`;

const weekLabelFormat = new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', month: 'short', day: 'numeric' });

/** "Nov 16": the Monday a trend week starts on. */
export const formatWeekLabel = (weekStart: Date): string => weekLabelFormat.format(weekStart);

/** "93%" of `part` in `whole`, or "—" for nothing to divide. */
export const formatShare = (part: number, whole: number): string => (whole > 0 ? `${Math.round((part / whole) * 100)}%` : '—');

/** Labels every `step`-th week counting back from the latest, so the current week is always named. */
export const isLabelledWeek = (index: number, count: number, step = 3): boolean => (count - 1 - index) % step === 0;

export interface ChartFigureProps {
  id: string;
  title: string;
  /** One sentence with the chart's message, read by screen readers as the image's description. */
  summary: string;
  legend: Array<{ swatch: string; label: string }>;
  heightPx: number;
  /** The drawing, inside the SVG. */
  children: Child;
  /** The same figures as a table, for everyone who would rather read them (and for screen readers). */
  table: Child;
}

/**
 * A dashboard chart: heading, legend, the SVG as one image with a title and a description
 * (role="img"), and its numbers in a table behind a disclosure.
 */
export function ChartFigure(props: ChartFigureProps) {
  return (
    <section class="panel chart" aria-labelledby={`${props.id}-heading`} data-chart={props.id}>
      <h2 id={`${props.id}-heading`}>{props.title}</h2>
      <ul class="chart-legend" aria-hidden="true">
        {props.legend.map((entry) => <li><span class={`swatch ${entry.swatch}`}></span>{entry.label}</li>)}
      </ul>
      <svg class="chart-svg" width="100%" height={props.heightPx} role="img" aria-labelledby={`${props.id}-title ${props.id}-desc`}>
        <title id={`${props.id}-title`}>{props.title}</title>
        <desc id={`${props.id}-desc`}>{props.summary}</desc>
        {props.children}
      </svg>
      <details class="chart-data" id={`${props.id}-data`}>
        <summary>{props.title}: the numbers</summary>
        <div class="table-scroll">{props.table}</div>
      </details>
    </section>
  );
}
