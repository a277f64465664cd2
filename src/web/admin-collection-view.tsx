import type { AdminCollectionName } from '../api/admin-collection-names.js';
import { humanizeCode } from './format-time.js';

type Row = Record<string, unknown>;

/** A starting point for the create form of each collection (the API validates the full shape). */
export const createExamples: Partial<Record<AdminCollectionName, Row>> = {
  queues: { code: 'new_queue', name: 'New queue', description: 'What lands here', kind: 'work' },
  skills: { code: 'new_skill', name: 'New skill' },
  'reason-codes': { code: 'new_reason', category: 'transfer', description: 'Why a case moves' },
  'resolution-categories': { code: 'new_category', label: 'New category', isResolved: true, position: 100 },
};

const shown = (value: unknown): string => {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'object') return JSON.stringify(value).slice(0, 120);
  return String(value);
};

/** The first columns of a collection's rows as a table (secrets are already removed by the API). */
export function CollectionTable(props: { name: string; rows: Row[] }) {
  if (props.rows.length === 0) return <p class="muted">Empty.</p>;
  const columns = Object.keys(props.rows[0]!).filter((column) => !['createdAt', 'updatedAt'].includes(column)).slice(0, 7);
  return (
    <div class="table-scroll" tabindex={0}><table>
      <caption class="visually-hidden">{humanizeCode(props.name)}</caption>
      <thead><tr>{columns.map((column) => <th scope="col">{column}</th>)}</tr></thead>
      <tbody>{props.rows.map((row) => <tr>{columns.map((column) => <td>{shown(row[column])}</td>)}</tr>)}</tbody>
    </table></div>
  );
}
