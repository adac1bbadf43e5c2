import { Select, Spin } from 'antd';
import { useState } from 'react';
import { useQuery } from 'urql';

import type { MatterKind } from '@/graphql/graphql';

import { MATTER_OPTIONS_QUERY } from './queries';

export interface PickedMatter {
  id: string;
  code: string;
  name: string;
  department?: { id: string } | null;
}

/** Pick a matter (approval by default) by typing part of its name or code (searched on the server). */
export function MatterPicker({
  value,
  onChange,
  ariaLabel,
  allowClear = true,
  kind = 'APPROVAL',
  current,
  onPick,
}: {
  value?: string | undefined;
  onChange?: (id: string | undefined) => void;
  ariaLabel: string;
  allowClear?: boolean;
  kind?: MatterKind;
  /** The matter already chosen, so its name shows before any search (edit forms). */
  current?: PickedMatter | null;
  /** Told the whole matter when one is picked (e.g. to take over its department). */
  onPick?: (matter: PickedMatter | undefined) => void;
}) {
  const [keyword, setKeyword] = useState('');
  const [{ data, fetching, operation }] = useQuery({ query: MATTER_OPTIONS_QUERY, variables: { kind, keyword: keyword || null } });
  // Only the answer for what is typed now: urql keeps the previous text's list until the new one
  // arrives, and swapping it in under the pointer loses a click made in between.
  const answered = operation?.variables.keyword === (keyword || null) && operation.variables.kind === kind;
  const found = (answered ? data?.matters : undefined) ?? [];
  const matters = current && !found.some((m) => m.id === current.id) ? [current, ...found] : found;
  return (
    <Select
      aria-label={ariaLabel}
      showSearch
      allowClear={allowClear}
      filterOption={false}
      onSearch={setKeyword}
      loading={fetching}
      notFoundContent={fetching ? <Spin size="small" /> : undefined}
      value={value}
      onChange={(v?: string) => {
        onChange?.(v);
        onPick?.(matters.find((m) => m.id === v));
      }}
      style={{ minWidth: 320 }}
      placeholder={ariaLabel}
      options={matters.map((m) => ({ value: m.id, label: `${m.name}（${m.code}）` }))}
    />
  );
}
