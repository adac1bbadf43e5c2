import { App, Form, type FormInstance } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OperationResult } from 'urql';

import { validationErrorsOf, type FieldErrorData } from '@/providers/graphql/errors';

import { applyServerErrors } from './serverErrors';

type Outcome = { __typename?: string; errors?: readonly FieldErrorData[] } | null | undefined;

/**
 * A form whose submit calls a mutation returning `X | ValidationErrors`: server errors land
 * next to their fields; anything else is shown above the form.
 */
export function useServerForm<V extends object>(fields: readonly (keyof V & string)[]) {
  const [form] = Form.useForm<V>();
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [problems, setProblems] = useState<string[]>([]);

  /** Returns the created object, or null when the server refused the input. */
  function handle<R extends Outcome>(result: OperationResult<unknown>, outcome: R): Exclude<R, { __typename?: 'ValidationErrors' }> | null {
    setProblems([]);
    if (result.error || !outcome) {
      setProblems([result.error?.graphQLErrors[0]?.message ?? t('common.serverError')]);
      return null;
    }
    const errors = validationErrorsOf(outcome);
    if (errors) {
      const rest = applyServerErrors(form, errors, fields);
      setProblems(rest.length > 0 ? rest.map((e) => e.message) : []);
      void message.error(t('common.formHasErrors'));
      return null;
    }
    return outcome as Exclude<R, { __typename?: 'ValidationErrors' }>;
  }

  return { form: form as FormInstance<V>, problems, handle };
}
