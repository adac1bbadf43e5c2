import { Select } from 'antd';

// The windows offered (days); a value from the URL outside them (the workbench's 30) is kept.
const WINDOWS = ['7', '30', '90'];

/** A 「N 天内」 filter of a list: `label` names it, `anyText` is the unfiltered choice and
 * `dayText` words one window; `value` is the URL's text ('' for none). */
export function DaysSelect({
  label,
  anyText,
  dayText,
  value,
  onChange,
  width,
}: {
  label: string;
  anyText: string;
  dayText: (days: string) => string;
  value: string;
  onChange: (days: string | undefined) => void;
  width: number;
}) {
  return (
    <Select
      aria-label={label}
      allowClear
      placeholder={`${label}：${anyText}`}
      style={{ width }}
      value={value || undefined}
      onChange={onChange}
      options={[...new Set([...WINDOWS, value].filter(Boolean))].map((d) => ({ value: d, label: dayText(d) }))}
    />
  );
}
