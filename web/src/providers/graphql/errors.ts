import type { CombinedError } from 'urql';

/** True when the server says the caller has no (valid) session: the session expired. */
export function isUnauthenticated(error: CombinedError | undefined): boolean {
  if (!error) return false;
  if (error.response && (error.response as Response).status === 401) return true;
  return error.graphQLErrors.some((e) => e.extensions?.code === 'UNAUTHENTICATED');
}

export interface FieldErrorData {
  field: string;
  code: string;
  message: string;
}

/** A mutation result that is either the object or `ValidationErrors`. */
export type Outcome<T extends { __typename?: string }> =
  | T
  | { __typename?: 'ValidationErrors'; errors: readonly FieldErrorData[] };

export function validationErrorsOf(
  result: { __typename?: string; errors?: readonly FieldErrorData[] } | null | undefined,
): readonly FieldErrorData[] | null {
  if (result && result.__typename === 'ValidationErrors') return result.errors ?? [];
  return null;
}
