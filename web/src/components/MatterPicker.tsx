import { Select } from 'antd';
import { useState } from 'react';
import { useQuery } from 'urql';
import { MATTER_OPTIONS_QUERY } from './queries';

/** Pick an approval matter by typing part of its name or code (searched on the server). */
export function MatterPicker({ value, onChange, ariaLabel, allowClear = true }: {
  value: string | undefined;
  onChange: (id: string | undefined) => void;
  ariaLabel: string;
  allowClear?: boolean;
}) {
  const [keyword, setKeyword] = useState('');
  const [{ data, fetching }] = useQuery({ query: MATTER_OPTIONS_QUERY, variables: { keyword: keyword || null } });
  return (
    <Select
      aria-label={ariaLabel}
      showSearch
      allowClear={allowClear}
      filterOption={false}
      onSearch={setKeyword}
      loading={fetching}
      value={value}
      onChange={(v?: string) => onChange(v)}
      style={{ minWidth: 320 }}
      placeholder={ariaLabel}
      options={(data?.matters ?? []).map((m) => ({ value: m.id, label: `${m.name}（${m.code}）` }))}
    />
  );
}
