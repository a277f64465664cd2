import { adminCollectionNames, type AdminCollectionName } from '../api/admin-collection-names.js';
import { readEntryKey } from './admin-entry-form.js';
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

/** The first columns of a collection's rows as a table (secrets are already removed by the API); an Edit link per row for admins. */
export function CollectionTable(props: { name: AdminCollectionName; rows: Row[]; canEdit: boolean }) {
  if (props.rows.length === 0) return <p class="muted">Empty.</p>;
  const columns = Object.keys(props.rows[0]!).filter((column) => !['createdAt', 'updatedAt'].includes(column)).slice(0, 7);
  const nameOf = (row: Row) => String(row.name ?? row.displayName ?? row.label ?? row.email ?? readEntryKey(props.name, row));
  return (
    <div class="table-scroll" tabindex={0}><table>
      <caption class="visually-hidden">{humanizeCode(props.name)}</caption>
      <thead><tr>{columns.map((column) => <th scope="col">{column}</th>)}{props.canEdit && <th scope="col"><span class="visually-hidden">Actions</span></th>}</tr></thead>
      <tbody>
        {props.rows.map((row) => (
          <tr data-entry-key={readEntryKey(props.name, row)}>
            {columns.map((column) => <td>{shown(row[column])}</td>)}
            {props.canEdit && <td><a href={`/admin/collections/${props.name}/${encodeURIComponent(readEntryKey(props.name, row))}/edit`} aria-label={`Edit ${nameOf(row)}`}>Edit</a></td>}
          </tr>
        ))}
      </tbody>
    </table></div>
  );
}

/** The admin console's section links. */
export function AdminNav(props: { current: string }) {
  return (
    <nav aria-label="Admin sections" class="panel">
      <ul style="display:flex;flex-wrap:wrap;gap:.25rem 1rem;list-style:none;margin:0;padding:0">
        <li><a href="/admin" aria-current={props.current === 'sla' ? 'page' : undefined}>SLA policies</a></li>
        {adminCollectionNames.map((name) => <li><a href={`/admin/collections/${name}`} aria-current={props.current === name ? 'page' : undefined}>{humanizeCode(name)}</a></li>)}
      </ul>
    </nav>
  );
}
