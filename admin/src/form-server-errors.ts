import type { FormInstance } from 'antd';
import type { ApiError } from './api/client';

/**
 * Puts the server's validation details (`{path: 'nextFollowUp.dueAt', message}`) on the form fields
 * they belong to. `fieldOf` maps a server path to a field name of this form, or undefined when the
 * form has no such field; the message is then left to the alert above the form.
 */
export function showServerFieldErrors<Values>(
  form: FormInstance<Values>,
  error: ApiError,
  fieldOf: (serverPath: string) => string | undefined,
): void {
  const fields = error.details.flatMap((detail) => {
    const field = fieldOf(detail.path);
    return field ? [{ name: field, errors: [detail.message] }] : [];
  });
  // setFields is typed against the form's own names; these come from a mapping the caller owns.
  if (fields.length > 0) form.setFields(fields as Parameters<FormInstance<Values>['setFields']>[0]);
}
