import { DatePicker } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';

import { joinRange, splitRange } from '@/lib/dateRange';

const FORMAT = 'YYYY-MM-DD';

function day(value: string | null): Dayjs | null {
  const parsed = value ? dayjs(value, FORMAT) : null;
  return parsed?.isValid() ? parsed : null;
}

/** An Ant Design range picker (dayjs zh-cn: Monday first, 年/月/日) whose value is the text
 * `YYYY-MM-DD~YYYY-MM-DD`, as a query form or the URL keeps it (lib/dateRange). */
export function DateRangeInput({
  value,
  onChange,
  id,
  ariaLabel,
}: {
  value?: string;
  onChange?: (value: string) => void;
  id?: string;
  ariaLabel?: string;
}) {
  const { t } = useTranslation();
  const { since, until } = splitRange(value);
  return (
    <DatePicker.RangePicker
      id={id}
      aria-label={ariaLabel}
      format={FORMAT}
      allowEmpty={[true, true]}
      placeholder={[t('messages.query.start'), t('messages.query.end')]}
      value={[day(since), day(until)]}
      onChange={(range) => onChange?.(joinRange(range?.[0]?.format(FORMAT), range?.[1]?.format(FORMAT)))}
      style={{ width: 250 }}
    />
  );
}
