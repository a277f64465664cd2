import { humanizeCode } from './format-time.js';
import type { CountBy } from './dashboard-query.js';

/** A horizontal bar chart in plain HTML: label (the key in words unless `describeKey` names it), bar scaled to the largest count, the number. */
export function CountBars(props: { title: string; id: string; counts: CountBy[]; describeKey?: (key: string) => string }) {
  const describeKey = props.describeKey ?? humanizeCode;
  const largest = Math.max(1, ...props.counts.map((entry) => entry.count));
  return (
    <section class="panel" aria-labelledby={props.id}>
      <h2 id={props.id}>{props.title}</h2>
      {props.counts.length === 0 ? <p class="muted">None.</p> : (
        <ul style="list-style:none;margin:0;padding:0">
          {props.counts.map((entry) => (
            <li class="bar-row" data-count-key={entry.key}>
              <span>{describeKey(entry.key)}</span>
              <span class="bar" style={`width:${Math.round((entry.count / largest) * 100)}%`} aria-hidden="true"></span>
              <strong>{entry.count}</strong>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
