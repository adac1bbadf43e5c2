import { useCallback, useState } from 'react';

/**
 * Pages over a Relay connection (`first`/`after`): the cursors of the pages seen so far, so
 * "previous" goes back exactly. `reset()` returns to page 1 (after a filter change).
 */
export function useCursorPager() {
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const after = cursors[cursors.length - 1] ?? null;
  const page = cursors.length;
  const next = useCallback((endCursor: string | null | undefined) => {
    if (endCursor) setCursors((c) => [...c, endCursor]);
  }, []);
  const previous = useCallback(() => setCursors((c) => (c.length > 1 ? c.slice(0, -1) : c)), []);
  const reset = useCallback(() => setCursors([null]), []);
  /** For <Pager onChange>: a larger page goes forward with `endCursor`, a smaller one back. */
  const onChange = useCallback(
    (target: number, endCursor: string | null | undefined) => (target > page ? next(endCursor) : previous()),
    [page, next, previous],
  );
  return { after, page, next, previous, reset, onChange };
}
