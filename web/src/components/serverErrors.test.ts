import { describe, expect, it, vi } from 'vitest';

import { applyServerErrors } from './serverErrors';

describe('server validation errors', () => {
  it('puts each message next to its field and returns the rest', () => {
    const setFields = vi.fn();
    const rest = applyServerErrors(
      { setFields },
      [
        { field: 'creditCode', code: 'invalid', message: '统一社会信用代码校验位不正确' },
        { field: 'input.name', code: 'required', message: '名称不能为空' },
        { field: 'creditCode', code: 'duplicate', message: '已登记' },
        { field: 'departmentId', code: 'forbidden', message: '不在职责范围内' },
      ],
      ['creditCode', 'name'],
    );
    expect(setFields).toHaveBeenCalledWith([
      { name: 'creditCode', errors: ['统一社会信用代码校验位不正确', '已登记'] },
      { name: 'name', errors: ['名称不能为空'] },
    ]);
    expect(rest).toEqual([{ field: 'departmentId', code: 'forbidden', message: '不在职责范围内' }]);
  });
});
