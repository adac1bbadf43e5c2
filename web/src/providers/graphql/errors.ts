import type { CombinedError } from 'urql';

/** True when the server says the caller has no (valid) session: the session expired. */
export function isUnauthenticated(error: CombinedError | undefined): boolean {
  if (!error) return false;
  if (error.response && (error.response as Response).status === 401) return true;
  return error.graphQLErrors.some((e) => e.extensions?.code === 'UNAUTHENTICATED');
}

/** True when the account must change its initial password before anything else answers. */
export function isPasswordChangeRequired(error: CombinedError | undefined): boolean {
  return Boolean(error?.graphQLErrors.some((e) => e.extensions?.code === 'PASSWORD_CHANGE_REQUIRED'));
}

export interface FieldErrorData {
  field: string;
  code: string;
  message: string;
}

/** The field errors of a `X | ValidationErrors` result, or null when it is the object. */
export function validationErrorsOf(
  result: { __typename?: string; errors?: readonly FieldErrorData[] } | null | undefined,
): readonly FieldErrorData[] | null {
  if (result && result.__typename === 'ValidationErrors') return result.errors ?? [];
  return null;
}
