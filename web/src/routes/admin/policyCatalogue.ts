interface Entry {
  code: string;
  name: string;
}

/** The server's policy catalogue with the departments (`PolicyCatalogueQuery`), as the
 * policy pages use it. */
export interface CatalogueData {
  policyCatalogue: { roles: readonly Entry[]; objects: readonly (Entry & { actions: readonly Entry[] })[]; actions: readonly Entry[] };
  departments: readonly { id: string; name: string }[];
}
export const ANY = '*';

export interface Option {
  value: string;
  label: string;
}

export interface Names {
  role(code: string): string;
  department(id: string): string;
  object(code: string): string;
  action(code: string): string;
}

/** Labels for "every department / object / action" (`*`), from the locale files. */
export interface AnyLabels {
  department: string;
  object: string;
  action: string;
}

/** Chinese names of catalogue codes; an unknown code shows as itself (a stale rule). */
export function catalogueNames(data: CatalogueData | undefined, any: AnyLabels): Names {
  const roles = new Map((data?.policyCatalogue.roles ?? []).map((r) => [r.code, r.name]));
  const objects = new Map((data?.policyCatalogue.objects ?? []).map((o) => [o.code, o.name]));
  const actions = new Map((data?.policyCatalogue.actions ?? []).map((a) => [a.code, a.name]));
  const departments = new Map((data?.departments ?? []).map((d) => [d.id, d.name]));
  return {
    role: (code) => roles.get(code) ?? code,
    department: (id) => (id === ANY ? any.department : (departments.get(id) ?? id)),
    object: (code) => (code === ANY ? any.object : (objects.get(code) ?? code)),
    action: (code) => (code === ANY ? any.action : (actions.get(code) ?? code)),
  };
}

export function roleOptions(data: CatalogueData | undefined): Option[] {
  return (data?.policyCatalogue.roles ?? []).map((r) => ({ value: r.code, label: r.name }));
}

export function departmentOptions(data: CatalogueData | undefined, anyLabel?: string): Option[] {
  const own = (data?.departments ?? []).map((d) => ({ value: d.id, label: d.name }));
  return anyLabel ? [{ value: ANY, label: anyLabel }, ...own] : own;
}

export function objectOptions(data: CatalogueData | undefined, anyLabel?: string): Option[] {
  const own = (data?.policyCatalogue.objects ?? []).map((o) => ({ value: o.code, label: o.name }));
  return anyLabel ? [{ value: ANY, label: anyLabel }, ...own] : own;
}

/** The actions an object has (every action for `*`), with `*` first when offered. */
export function actionOptions(data: CatalogueData | undefined, object: string | undefined, anyLabel?: string): Option[] {
  const catalogue = data?.policyCatalogue;
  const own =
    object === undefined
      ? []
      : object === ANY
        ? (catalogue?.actions ?? []).map((a) => ({ value: a.code, label: a.name }))
        : (catalogue?.objects.find((o) => o.code === object)?.actions ?? []).map((a) => ({ value: a.code, label: a.name }));
  return anyLabel && object !== undefined ? [{ value: ANY, label: anyLabel }, ...own] : own;
}

/** A rule (`role, department, object, action`) in words: 审批窗口 · 所有部门 · 办件 · 查看. */
export function describeRule(rule: readonly string[], names: Names): string {
  if (rule.length !== 4) return rule.join(', ');
  const [role, department, object, action] = rule as [string, string, string, string];
  return [names.role(role), names.department(department), names.object(object), names.action(action)].join(' · ');
}

export interface MatrixCell {
  role: string;
  object: string;
  action: string;
  allowed: boolean;
  decidingRule: readonly string[];
}

export interface MatrixRow {
  key: string;
  object: string;
  action: string;
  cells: Record<string, MatrixCell>;
}

/** The matrix's cells as rows of object × action (catalogue order), one cell per role. */
export function matrixRows(cells: readonly MatrixCell[]): MatrixRow[] {
  const rows = new Map<string, MatrixRow>();
  for (const cell of cells) {
    const key = `${cell.object}:${cell.action}`;
    const row = rows.get(key) ?? { key, object: cell.object, action: cell.action, cells: {} };
    row.cells[cell.role] = cell;
    rows.set(key, row);
  }
  return [...rows.values()];
}
