import type { CreditLevel, CreditRuleSetFieldsFragment, PublishCreditRulesInput, RecordCategory, RuleCondition } from '@/graphql/graphql';
import type { FieldErrorData } from '@/providers/graphql/errors';

export type RuleSet = CreditRuleSetFieldsFragment;
export type Rule = RuleSet['rules'][number];

/** One rule as the editor holds it (Ant Design leaves cleared inputs undefined or null). */
export interface RuleRow {
  code?: string;
  name?: string;
  condition?: RuleCondition;
  category?: RecordCategory | null;
  minCount?: number | null;
  withinDays?: number | null;
  scoreDelta?: number | null;
  forcesLevel?: CreditLevel | null;
}

export interface RuleSetValues {
  baseScore?: number | null;
  trustworthyMinScore?: number | null;
  dishonestBelowScore?: number | null;
  note?: string;
  rules?: RuleRow[];
}

/** The editor starts from a published version (its note is the new version's to write). */
export function ruleSetToValues(set: RuleSet): RuleSetValues {
  return {
    baseScore: set.baseScore,
    trustworthyMinScore: set.trustworthyMinScore,
    dishonestBelowScore: set.dishonestBelowScore,
    note: '',
    rules: set.rules.map((r) => ({
      code: r.code,
      name: r.name,
      condition: r.condition,
      category: r.category ?? null,
      minCount: r.minCount,
      withinDays: r.withinDays ?? null,
      scoreDelta: r.scoreDelta,
      forcesLevel: r.forcesLevel ?? null,
    })),
  };
}

/** What `publishCreditRules` receives: trimmed text, no category for the list condition. */
export function valuesToInput(values: RuleSetValues): PublishCreditRulesInput {
  return {
    baseScore: values.baseScore ?? 0,
    trustworthyMinScore: values.trustworthyMinScore ?? 0,
    dishonestBelowScore: values.dishonestBelowScore ?? 0,
    note: (values.note ?? '').trim(),
    rules: (values.rules ?? []).map((r) => {
      const condition = r.condition ?? 'RECORD_COUNT';
      return {
        code: (r.code ?? '').trim(),
        name: (r.name ?? '').trim(),
        condition,
        category: condition === 'JOINT_PUNISHMENT' ? null : (r.category ?? null),
        minCount: r.minCount ?? 1,
        withinDays: r.withinDays ?? null,
        scoreDelta: r.scoreDelta ?? 0,
        forcesLevel: r.forcesLevel ?? null,
      };
    }),
  };
}

/**
 * The form path of a server error's field: `rules[2].minCount` → ['rules', 2, 'minCount'],
 * `input.baseScore` → ['baseScore'], `rows[5].measures` → ['rows', 5, 'measures'].
 */
export function fieldPath(field: string): (string | number)[] {
  const parts = field.split('.').filter((p) => p !== 'input');
  return parts.flatMap((part) => {
    const indexed = /^(\w+)\[(\d+)\]$/.exec(part);
    return indexed ? [indexed[1] as string, Number(indexed[2])] : [part];
  });
}

const SETTING_INPUTS = ['baseScore', 'trustworthyMinScore', 'dishonestBelowScore', 'note'];
const RULE_INPUTS = ['code', 'name', 'condition', 'category', 'minCount', 'withinDays', 'scoreDelta', 'forcesLevel'];

/**
 * The server's errors grouped by the editor field they belong to (`rules[1].code` is the code
 * input of the second rule); errors naming no editor field are returned in `rest`.
 */
export function placeRuleSetErrors(errors: readonly FieldErrorData[]): {
  fields: { name: (string | number)[]; errors: string[] }[];
  rest: FieldErrorData[];
} {
  const rest: FieldErrorData[] = [];
  const byPath = new Map<string, { name: (string | number)[]; errors: string[] }>();
  for (const error of errors) {
    const path = fieldPath(error.field);
    const known =
      (path.length === 1 && SETTING_INPUTS.includes(String(path[0]))) ||
      (path.length === 3 && path[0] === 'rules' && typeof path[1] === 'number' && RULE_INPUTS.includes(String(path[2])));
    if (!known) {
      rest.push(error);
      continue;
    }
    const key = path.join('.');
    const entry = byPath.get(key) ?? { name: path, errors: [] };
    entry.errors.push(error.message);
    byPath.set(key, entry);
  }
  return { fields: [...byPath.values()], rest };
}

/** Codes used by more than one rule (checked before sending; the server checks again). */
export function duplicateCodes(rules: readonly RuleRow[] | undefined): Set<string> {
  const seen = new Set<string>();
  const duplicates = new Set<string>();
  for (const rule of rules ?? []) {
    const code = (rule.code ?? '').trim();
    if (!code) continue;
    if (seen.has(code)) duplicates.add(code);
    seen.add(code);
  }
  return duplicates;
}

export type SettingField = 'baseScore' | 'trustworthyMinScore' | 'dishonestBelowScore';
export type RuleField = Exclude<keyof Rule, '__typename' | 'code'>;
const SETTINGS: readonly SettingField[] = ['baseScore', 'trustworthyMinScore', 'dishonestBelowScore'];
const RULE_FIELDS: readonly RuleField[] = ['name', 'condition', 'category', 'minCount', 'withinDays', 'scoreDelta', 'forcesLevel'];

export interface Change<F extends string> {
  field: F;
  before: string | number | null;
  after: string | number | null;
}

export interface RuleSetDiff {
  settings: Change<SettingField>[];
  added: Rule[];
  removed: Rule[];
  changed: { code: string; name: string; changes: Change<RuleField>[] }[];
}

/** What changed from one version to another; rules are matched by their code. */
export function diffRuleSets(before: RuleSet, after: RuleSet): RuleSetDiff {
  const settings = SETTINGS.filter((f) => before[f] !== after[f]).map((field) => ({ field, before: before[field], after: after[field] }));
  const old = new Map(before.rules.map((r) => [r.code, r]));
  const next = new Map(after.rules.map((r) => [r.code, r]));
  const added = after.rules.filter((r) => !old.has(r.code));
  const removed = before.rules.filter((r) => !next.has(r.code));
  const changed = after.rules.flatMap((rule) => {
    const previous = old.get(rule.code);
    if (!previous) return [];
    const changes = RULE_FIELDS.filter((f) => (previous[f] ?? null) !== (rule[f] ?? null)).map((field) => ({
      field,
      before: previous[field] ?? null,
      after: rule[field] ?? null,
    }));
    return changes.length > 0 ? [{ code: rule.code, name: rule.name, changes }] : [];
  });
  return { settings, added, removed, changed };
}

export function isEmptyDiff(diff: RuleSetDiff): boolean {
  return diff.settings.length + diff.added.length + diff.removed.length + diff.changed.length === 0;
}
