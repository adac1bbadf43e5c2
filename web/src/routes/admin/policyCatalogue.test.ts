import { describe, expect, it } from 'vitest';

import { actionOptions, catalogueNames, describeRule, matrixRows, objectOptions, type CatalogueData } from './policyCatalogue';

const data: CatalogueData = {
  policyCatalogue: {
    roles: [{ code: 'approval_clerk', name: '审批窗口' }],
    objects: [
      {
        code: 'application',
        name: '办件',
        actions: [
          { code: 'read', name: '查看' },
          { code: 'write', name: '编辑' },
        ],
      },
      { code: 'push', name: '推送', actions: [{ code: 'claim', name: '认领' }] },
    ],
    actions: [
      { code: 'read', name: '查看' },
      { code: 'write', name: '编辑' },
      { code: 'claim', name: '认领' },
    ],
  },
  departments: [{ id: '1', name: '益阳市行政审批服务局' }],
};
const any = { department: '所有部门', object: '全部对象', action: '全部操作' };

describe('the policy catalogue in the browser', () => {
  it('offers only the actions the chosen object has, and every action for all objects', () => {
    expect(actionOptions(data, 'push').map((o) => o.value)).toEqual(['claim']);
    expect(actionOptions(data, '*', '全部操作').map((o) => o.value)).toEqual(['*', 'read', 'write', 'claim']);
    expect(actionOptions(data, undefined)).toEqual([]);
    expect(objectOptions(data, '全部对象')[0]).toEqual({ value: '*', label: '全部对象' });
  });

  it('describes a rule in Chinese names', () => {
    const names = catalogueNames(data, any);
    expect(describeRule(['approval_clerk', '*', 'application', 'read'], names)).toBe('审批窗口 · 所有部门 · 办件 · 查看');
    expect(describeRule(['approval_clerk', '1', '*', '*'], names)).toBe('审批窗口 · 益阳市行政审批服务局 · 全部对象 · 全部操作');
  });

  it('groups matrix cells into one row per object and action', () => {
    const rows = matrixRows([
      { role: 'a', object: 'application', action: 'read', allowed: true, decidingRule: ['a', '*', 'application', 'read'] },
      { role: 'b', object: 'application', action: 'read', allowed: false, decidingRule: [] },
      { role: 'a', object: 'push', action: 'claim', allowed: false, decidingRule: [] },
    ]);
    expect(rows.map((r) => [r.key, Object.keys(r.cells)])).toEqual([
      ['application:read', ['a', 'b']],
      ['push:claim', ['a']],
    ]);
  });
});
