import { describe, expect, it } from 'vitest';

import { importRowErrors } from './importErrors';
import {
  diffRuleSets,
  duplicateCodes,
  fieldPath,
  isEmptyDiff,
  placeRuleSetErrors,
  ruleSetToValues,
  valuesToInput,
  type RuleSet,
} from './ruleSets';

const v1: RuleSet = {
  __typename: 'CreditRuleSet',
  version: 1,
  baseScore: 80,
  trustworthyMinScore: 90,
  dishonestBelowScore: 60,
  note: '首版',
  publishedBy: 'credit_officer',
  publishedAt: '2026-01-01T00:00:00Z',
  rules: [
    {
      __typename: 'CreditRule',
      code: 'PENALTY',
      name: '行政处罚',
      condition: 'RECORD_COUNT',
      category: 'PENALTY',
      minCount: 1,
      withinDays: 365,
      scoreDelta: -15,
      forcesLevel: null,
    },
    {
      __typename: 'CreditRule',
      code: 'CLEAN',
      name: '无处罚',
      condition: 'NO_RECORDS',
      category: 'PENALTY',
      minCount: 1,
      withinDays: 730,
      scoreDelta: 10,
      forcesLevel: null,
    },
    {
      __typename: 'CreditRule',
      code: 'JOINT',
      name: '联合惩戒',
      condition: 'JOINT_PUNISHMENT',
      category: null,
      minCount: 1,
      withinDays: null,
      scoreDelta: 0,
      forcesLevel: 'DISHONEST',
    },
  ],
};

describe('rule set editor mapping', () => {
  it('round-trips a published version into the publish input, with an empty note', () => {
    const input = valuesToInput(ruleSetToValues(v1));
    expect(input).toEqual({
      baseScore: 80,
      trustworthyMinScore: 90,
      dishonestBelowScore: 60,
      note: '',
      rules: v1.rules.map(({ code, name, condition, category, minCount, withinDays, scoreDelta, forcesLevel }) => ({
        code,
        name,
        condition,
        category,
        minCount,
        withinDays,
        scoreDelta,
        forcesLevel,
      })),
    });
  });

  it('trims text, fills cleared numbers and drops the category of the list condition', () => {
    const input = valuesToInput({
      baseScore: null,
      trustworthyMinScore: 85,
      dishonestBelowScore: 50,
      note: '  调整  ',
      rules: [
        {
          code: ' X ',
          name: ' 名单 ',
          condition: 'JOINT_PUNISHMENT',
          category: 'PENALTY',
          minCount: null,
          withinDays: undefined,
          scoreDelta: -50,
        },
      ],
    });
    expect(input).toEqual({
      baseScore: 0,
      trustworthyMinScore: 85,
      dishonestBelowScore: 50,
      note: '调整',
      rules: [
        {
          code: 'X',
          name: '名单',
          condition: 'JOINT_PUNISHMENT',
          category: null,
          minCount: 1,
          withinDays: null,
          scoreDelta: -50,
          forcesLevel: null,
        },
      ],
    });
  });

  it('maps server field names to form paths', () => {
    expect(fieldPath('rules[2].minCount')).toEqual(['rules', 2, 'minCount']);
    expect(fieldPath('input.rules[0].code')).toEqual(['rules', 0, 'code']);
    expect(fieldPath('dishonestBelowScore')).toEqual(['dishonestBelowScore']);
    expect(fieldPath('input.baseScore')).toEqual(['baseScore']);
  });

  it('puts server errors on the rule field they name, several on one field together', () => {
    const codeTaken = { field: 'rules[1].code', code: 'DUPLICATE', message: '规则代码重复' };
    const codeBlank = { field: 'rules[1].code', code: 'REQUIRED', message: '请填写规则代码' };
    const lines = { field: 'dishonestBelowScore', code: 'ABOVE_TRUSTWORTHY', message: '失信分数线不能高于守信分数线' };
    const elsewhere = { field: 'rules', code: 'TOO_MANY', message: '规则过多' };
    const unknownField = { field: 'rules[0].colour', code: 'X', message: '?' };
    expect(placeRuleSetErrors([codeTaken, lines, codeBlank, elsewhere, unknownField])).toEqual({
      fields: [
        { name: ['rules', 1, 'code'], errors: ['规则代码重复', '请填写规则代码'] },
        { name: ['dishonestBelowScore'], errors: ['失信分数线不能高于守信分数线'] },
      ],
      rest: [elsewhere, unknownField],
    });
  });

  it('finds duplicate codes, ignoring blanks and surrounding spaces', () => {
    expect([...duplicateCodes([{ code: 'A' }, { code: ' A' }, { code: '' }, { code: '' }, { code: 'B' }])]).toEqual(['A']);
    expect(duplicateCodes(undefined).size).toBe(0);
  });
});

describe('diffRuleSets', () => {
  it('reports nothing for the same rules', () => {
    expect(isEmptyDiff(diffRuleSets(v1, { ...v1, version: 2, note: '只改说明' }))).toBe(true);
  });

  it('lists changed settings, added, removed and changed rules by code', () => {
    const v2: RuleSet = {
      ...v1,
      version: 2,
      trustworthyMinScore: 95,
      rules: [
        { ...v1.rules[0]!, scoreDelta: -20, withinDays: null },
        v1.rules[2]!,
        {
          __typename: 'CreditRule',
          code: 'AWARD',
          name: '表彰',
          condition: 'RECORD_COUNT',
          category: 'COMMENDATION',
          minCount: 1,
          withinDays: null,
          scoreDelta: 5,
          forcesLevel: null,
        },
      ],
    };
    const diff = diffRuleSets(v1, v2);
    expect(diff.settings).toEqual([{ field: 'trustworthyMinScore', before: 90, after: 95 }]);
    expect(diff.added.map((r) => r.code)).toEqual(['AWARD']);
    expect(diff.removed.map((r) => r.code)).toEqual(['CLEAN']);
    expect(diff.changed).toEqual([
      {
        code: 'PENALTY',
        name: '行政处罚',
        changes: [
          { field: 'withinDays', before: 365, after: null },
          { field: 'scoreDelta', before: -15, after: -20 },
        ],
      },
    ]);
    expect(isEmptyDiff(diff)).toBe(false);
  });
});

describe('importRowErrors', () => {
  it('names the spreadsheet row and column, sorted by row; file errors have no row', () => {
    expect(
      importRowErrors([
        { field: 'rows[4].measures', code: 'REQUIRED', message: '请填写惩戒措施' },
        { field: 'rows[2].subjectCode', code: 'INVALID_SUBJECT_CODE', message: '应为有效的统一社会信用代码或身份证号码' },
        { field: 'contentBase64', code: 'EMPTY', message: '表格中没有数据行' },
      ]),
    ).toEqual([
      { row: null, column: '', message: '表格中没有数据行' },
      { row: 2, column: '统一社会信用代码或身份证号码', message: '应为有效的统一社会信用代码或身份证号码' },
      { row: 4, column: '惩戒措施', message: '请填写惩戒措施' },
    ]);
  });
});
