import { CombinedError } from 'urql';
import { describe, expect, it } from 'vitest';

import { isUnauthenticated, validationErrorsOf } from './errors';

describe('GraphQL errors', () => {
  it('recognises an expired or missing session by its code', () => {
    const expired = new CombinedError({
      graphQLErrors: [{ message: '未登录或会话已过期，请重新登录', extensions: { code: 'UNAUTHENTICATED' } }],
    });
    const forbidden = new CombinedError({ graphQLErrors: [{ message: '无权执行此操作', extensions: { code: 'FORBIDDEN' } }] });
    expect(isUnauthenticated(expired)).toBe(true);
    expect(isUnauthenticated(forbidden)).toBe(false);
    expect(isUnauthenticated(undefined)).toBe(false);
  });

  it('separates validation errors from a created object', () => {
    const errors = [{ field: 'code', code: 'DUPLICATE', message: '事项编码已存在' }];
    expect(validationErrorsOf({ __typename: 'ValidationErrors', errors })).toEqual(errors);
    expect(validationErrorsOf({ __typename: 'Matter' })).toBeNull();
  });
});
