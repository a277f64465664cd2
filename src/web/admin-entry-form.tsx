import type { z } from '@hono/zod-openapi';
import type { AdminCollectionName } from '../api/admin-collection-names.js';
import { adminCollections } from '../api/admin-collections.js';

type Row = Record<string, unknown>;
type FieldKind = 'boolean' | 'number' | 'choice' | 'choices' | 'text' | 'password' | 'json';

/** One editable field of an admin entry, read from the API's own create schema. */
export interface EditField {
  name: string;
  kind: FieldKind;
  isOptional: boolean;
  options: string[];
  /** For lists of objects: the keys each element may carry (the rest of a listing is left out). */
  elementKeys: string[] | null;
}

interface ZodDef {
  type: string;
  innerType?: z.ZodType;
  element?: z.ZodType;
  entries?: Record<string, string>;
  shape?: Record<string, z.ZodType>;
}
const defOf = (schema: z.ZodType): ZodDef => (schema as unknown as { _zod: { def: ZodDef } })._zod.def;

function describeField(name: string, schema: z.ZodType): EditField {
  let inner = schema;
  let isOptional = false;
  while (['optional', 'default', 'nullable'].includes(defOf(inner).type)) {
    isOptional ||= defOf(inner).type === 'optional';
    inner = defOf(inner).innerType!;
  }
  const def = defOf(inner);
  const field = (kind: FieldKind, options: string[] = [], elementKeys: string[] | null = null): EditField => ({ name, kind, isOptional, options, elementKeys });
  if (name === 'password') return field('password');
  if (def.type === 'boolean') return field('boolean');
  if (def.type === 'number') return field('number');
  if (def.type === 'enum') return field('choice', Object.values(def.entries ?? {}));
  if (def.type === 'string') return field('text');
  if (def.type === 'array' && def.element && defOf(def.element).type === 'enum') return field('choices', Object.values(defOf(def.element).entries ?? {}));
  if (def.type === 'array' && def.element && defOf(def.element).type === 'object') return field('json', [], Object.keys(defOf(def.element).shape ?? {}));
  return field('json');
}

/** The fields an admin may change on an entry: the create schema without the key (a key never changes). */
export function listEditFields(name: AdminCollectionName): EditField[] {
  const collection = adminCollections[name];
  const shape = (collection.createBody as unknown as { shape: Record<string, z.ZodType> }).shape;
  return Object.entries(shape).filter(([fieldName]) => !(collection.keyKind === 'code' && fieldName === 'code')).map(([fieldName, schema]) => describeField(fieldName, schema));
}

/** The key of a listed entry: its code, or its id. */
export const readEntryKey = (name: AdminCollectionName, row: Row): string => String(adminCollections[name].keyKind === 'code' ? row.code : row.id);

/** A field's current value as the form shows it (list elements trimmed to what the API accepts). */
export function readCurrentValue(field: EditField, row: Row): unknown {
  const value = row[field.name];
  if (field.elementKeys && Array.isArray(value)) return value.map((element: Row) => Object.fromEntries(field.elementKeys!.filter((key) => key in element).map((key) => [key, element[key]])));
  return value;
}

const labelOf = (name: string): string => {
  const words = name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

function FieldInput(props: { field: EditField; value: unknown }) {
  const { field, value } = props;
  const id = `field-${field.name}`;
  const label = labelOf(field.name);
  switch (field.kind) {
    case 'boolean':
      return <label class="check"><input type="checkbox" id={id} name={field.name} value="1" checked={value === true} /> {label}</label>;
    case 'number':
      return <label>{label}<input type="number" id={id} name={field.name} value={typeof value === 'number' ? String(value) : ''} required={!field.isOptional} /></label>;
    case 'choice':
      return (
        <label>{label}
          <select id={id} name={field.name}>
            {field.isOptional && <option value="">(none)</option>}
            {field.options.map((option) => <option value={option} selected={value === option}>{option}</option>)}
          </select>
        </label>
      );
    case 'choices':
      return (
        <fieldset>
          <legend>{label}</legend>
          {field.options.map((option) => <label class="check"><input type="checkbox" name={field.name} value={option} checked={Array.isArray(value) && value.includes(option)} /> {option}</label>)}
        </fieldset>
      );
    case 'password':
      return <label>New password <span class="muted">(leave empty to keep the current one)</span><input type="password" id={id} name={field.name} autocomplete="new-password" minlength={12} /></label>;
    case 'text':
      return <label>{label}{field.isOptional && <span class="muted"> (optional)</span>}<input id={id} name={field.name} value={typeof value === 'string' ? value : ''} required={!field.isOptional} /></label>;
    case 'json':
      return <label class="wide">{label} <span class="muted">(JSON)</span><textarea id={id} name={field.name} rows={6} spellcheck={false}>{value === undefined || value === null ? '' : JSON.stringify(value, null, 2)}</textarea></label>;
  }
}

/** The edit form of one entry; it posts to the web route that sends only the changed fields as a PATCH. */
export function AdminEntryForm(props: { name: AdminCollectionName; entryKey: string; row: Row; csrfToken: string }) {
  const fields = listEditFields(props.name);
  return (
    <form class="edit-entry panel" method="post" action={`/admin/collections/${props.name}/${encodeURIComponent(props.entryKey)}`}>
      <input type="hidden" name="_csrf" value={props.csrfToken} />
      {fields.map((field) => <FieldInput field={field} value={readCurrentValue(field, props.row)} />)}
      <div class="wide"><button type="submit">Save changes</button> <a href={`/admin/collections/${props.name}`}>Cancel</a></div>
    </form>
  );
}

type FormValues = Record<string, string | File | (string | File)[]>;

function readSubmitted(field: EditField, form: FormValues): { value?: unknown; problem?: string } {
  const raw = form[field.name];
  const all = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).filter((item): item is string => typeof item === 'string');
  const text = (all[0] ?? '').trim();
  switch (field.kind) {
    case 'boolean': return { value: all.includes('1') };
    case 'choices': return { value: all };
    case 'number': return text === '' ? {} : Number.isFinite(Number(text)) ? { value: Number(text) } : { problem: `${labelOf(field.name)}: not a number` };
    case 'json':
      if (text === '') return {};
      try {
        return { value: JSON.parse(text) as unknown };
      } catch {
        return { problem: `${labelOf(field.name)}: not valid JSON` };
      }
    default: return text === '' ? {} : { value: text };
  }
}

/** Ticked choices are a set: the order of the boxes is not a change. */
function isSameValue(field: EditField, submitted: unknown, current: unknown): boolean {
  if (field.kind === 'choices') return JSON.stringify([...(submitted as string[])].sort()) === JSON.stringify(Array.isArray(current) ? [...(current as string[])].sort() : []);
  return JSON.stringify(submitted) === JSON.stringify(current);
}

/**
 * The PATCH body: only the fields whose submitted value differs from the entry as listed, so an
 * untouched field is never rewritten (nor audited as a change). Empty optional fields are left as they are.
 */
export function buildPatchBody(name: AdminCollectionName, row: Row, form: FormValues): { body: Row; problems: string[] } {
  const body: Row = {};
  const problems: string[] = [];
  for (const field of listEditFields(name)) {
    const { value, problem } = readSubmitted(field, form);
    if (problem) problems.push(problem);
    if (value === undefined) continue;
    if (field.kind === 'password' || !isSameValue(field, value, readCurrentValue(field, row))) body[field.name] = value;
  }
  return { body, problems };
}
