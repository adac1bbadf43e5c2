import { useCallback } from 'react';
import { useSearchParams } from 'react-router-dom';

export const PAGE_SIZE = 20;

/** The server's `first`/`offset` for a 1-based page; one extra row tells if a next page exists. */
export function pageWindow(page: number, pageSize = PAGE_SIZE): { first: number; offset: number } {
  const safePage = Number.isInteger(page) && page > 0 ? page : 1;
  return { first: pageSize + 1, offset: (safePage - 1) * pageSize };
}

/** The rows of this page, and whether the server has more. */
export function pageRows<T>(rows: readonly T[] | undefined, pageSize = PAGE_SIZE): { rows: T[]; hasNext: boolean } {
  const all = rows ?? [];
  return { rows: all.slice(0, pageSize), hasNext: all.length > pageSize };
}

export function parsePage(value: string | null): number {
  const page = Number(value);
  return Number.isInteger(page) && page > 0 ? page : 1;
}

/**
 * List state kept in the URL (?page=2&kind=APPROVAL): shareable, and the back button works.
 * Changing a filter returns to page 1.
 */
export function useListParams<K extends string>(keys: readonly K[]) {
  const [params, setParams] = useSearchParams();
  const page = parsePage(params.get('page'));
  const filters = Object.fromEntries(keys.map((k) => [k, params.get(k) ?? ''])) as Record<K, string>;
  const setPage = useCallback(
    (next: number) =>
      setParams((p) => {
        const copy = new URLSearchParams(p);
        if (next <= 1) copy.delete('page');
        else copy.set('page', String(next));
        return copy;
      }),
    [setParams],
  );
  const setFilters = useCallback(
    (changes: Partial<Record<K, string | null | undefined>>) =>
      setParams((p) => {
        const copy = new URLSearchParams(p);
        for (const [key, value] of Object.entries(changes) as [K, string | null | undefined][]) {
          if (value) copy.set(key, value);
          else copy.delete(key);
        }
        copy.delete('page');
        return copy;
      }),
    [setParams],
  );
  return { page, filters, setPage, setFilters };
}

/** One URL parameter of a page and its setter (absent or empty removes it), replacing the
 * history entry: filters live in the URL, so the workbench's tiles open a list as they
 * counted it. */
export function useUrlParam(key: string): [string | null, (value: string | null | undefined) => void] {
  const [params, setParams] = useSearchParams();
  const set = useCallback(
    (value: string | null | undefined) =>
      setParams(
        (p) => {
          const copy = new URLSearchParams(p);
          if (value) copy.set(key, value);
          else copy.delete(key);
          return copy;
        },
        { replace: true },
      ),
    [key, setParams],
  );
  return [params.get(key), set];
}
