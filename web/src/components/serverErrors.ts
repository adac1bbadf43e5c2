import type { FormInstance } from 'antd';

import type { FieldErrorData } from '@/providers/graphql/errors';

/**
 * Show server `ValidationErrors` next to their fields. The server names input fields in
 * camelCase (`creditCode`, or a path such as `input.creditCode`); errors for fields the form
 * does not show are returned, to be displayed above the form.
 */
export function applyServerErrors(
  form: Pick<FormInstance, 'setFields'>,
  errors: readonly FieldErrorData[],
  formFields: readonly string[],
): FieldErrorData[] {
  const byField = new Map<string, string[]>();
  const unplaced: FieldErrorData[] = [];
  for (const error of errors) {
    const name = error.field.split('.').pop() ?? error.field;
    if (formFields.includes(name)) byField.set(name, [...(byField.get(name) ?? []), error.message]);
    else unplaced.push(error);
  }
  form.setFields([...byField].map(([name, messages]) => ({ name, errors: messages })));
  return unplaced;
}
