import type { FormInstance } from 'antd';
import type { TFunction } from 'i18next';
import { describeError, isApiError } from '../http';

export interface ServerErrorOutcome {
  /** What to show above the form: the server's message when some of it belongs to no field. */
  message: string | null;
  /** The record was saved by someone else since it was loaded (409 on `version`). */
  stale: boolean;
}

/** "contacts.0.name" → ['contacts', 0, 'name'], the path antd's Form uses. */
function namePathOf(field: string): (string | number)[] {
  return field.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/**
 * Puts each `details[].field` message of a failed save under the Form.Item of that name, and
 * tells the caller what is left to say (a message with no field, or a stale version).
 */
export function applyServerErrors(form: FormInstance, error: unknown, t: TFunction): ServerErrorOutcome {
  if (!isApiError(error) || error.kind !== 'api') return { message: describeError(error, t), stale: false };
  if (error.isStaleVersion) return { message: null, stale: true };

  const registered = new Set(form.getFieldsError().map(({ name }) => name.join('.')));
  const byField = error.fieldErrors();
  const placed = Object.keys(byField).filter((field) => registered.has(field));
  form.setFields(placed.map((field) => ({ name: namePathOf(field), errors: byField[field] })));
  const unplaced = Object.keys(byField).length - placed.length;
  return { message: placed.length > 0 && unplaced === 0 ? null : error.message, stale: false };
}
