import { Button, DatePicker, Form, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** A form shows an empty filter as no value (the placeholder), not as ''. */
const asFields = (values: Record<string, string>) => Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v || undefined]));

/** The search box of a console list (as in Ant Design Pro): fields people search by, 查询 and
 * 重置. Values travel as strings (the URL's), dates as YYYY-MM-DD. */
export function QueryForm<K extends string>({
  values,
  onSearch,
  children,
  testId,
}: {
  values: Record<K, string>;
  onSearch: (values: Partial<Record<K, string>>) => void;
  children: ReactNode;
  testId?: string;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  // Follow the URL (back button, links) without undoing what is being typed: the fields start
  // from the URL (initialValues, so no effect runs after mount to clear them), and only a URL
  // that differs from what the fields already show is written in. A search or a reset tells
  // which URL it is about to make, so its own round trip writes nothing either.
  const key = JSON.stringify(values);
  const shown = useRef(key);
  useEffect(() => {
    if (key === shown.current) return;
    shown.current = key;
    form.setFieldsValue(asFields(JSON.parse(key) as Record<string, string>));
  }, [form, key]);
  const search = (next: Record<string, string>) => {
    shown.current = JSON.stringify(Object.fromEntries(Object.keys(values).map((k) => [k, next[k] ?? values[k as K]])));
    onSearch(next as Partial<Record<K, string>>);
  };
  const submit = (raw: Record<string, unknown>) => {
    const out: Record<string, string> = {};
    for (const [key, value] of Object.entries(raw)) out[key] = typeof value === 'string' ? value.trim() : '';
    search(out);
  };
  return (
    <Form form={form} layout="inline" initialValues={asFields(values)} onFinish={submit} data-testid={testId} style={{ rowGap: 8 }}>
      {children}
      <Form.Item>
        <Space>
          <Button type="primary" htmlType="submit">
            {t('common.query')}
          </Button>
          <Button
            onClick={() => {
              const empty = Object.fromEntries(Object.keys(values).map((k) => [k, '']));
              form.setFieldsValue(asFields(empty));
              search(empty);
            }}
          >
            {t('common.reset')}
          </Button>
        </Space>
      </Form.Item>
    </Form>
  );
}

/** An Ant Design date picker whose value is YYYY-MM-DD text (as a form or the URL keeps it). */
export function DateInput({
  value,
  onChange,
  id,
  ariaLabel,
  style,
}: {
  value?: string;
  onChange?: (value: string) => void;
  id?: string;
  ariaLabel?: string;
  style?: React.CSSProperties;
}) {
  const parsed: Dayjs | null = value ? dayjs(value, 'YYYY-MM-DD') : null;
  return (
    <DatePicker
      id={id}
      aria-label={ariaLabel}
      value={parsed?.isValid() ? parsed : null}
      format="YYYY-MM-DD"
      onChange={(d) => onChange?.(d ? d.format('YYYY-MM-DD') : '')}
      style={style}
    />
  );
}

/** An Ant Design date-and-time picker whose value is local `YYYY-MM-DDTHH:mm` text (the format
 * an `<input type="datetime-local">` gives, which `localInputToServer` turns into a moment). */
export function DateTimeInput({
  value,
  onChange,
  id,
  ariaLabel,
  style,
}: {
  value?: string;
  onChange?: (value: string) => void;
  id?: string;
  ariaLabel?: string;
  style?: React.CSSProperties;
}) {
  const parsed: Dayjs | null = value ? dayjs(value, 'YYYY-MM-DDTHH:mm') : null;
  return (
    <DatePicker
      id={id}
      aria-label={ariaLabel}
      showTime={{ format: 'HH:mm' }}
      value={parsed?.isValid() ? parsed : null}
      format={['YYYY-MM-DD HH:mm', 'YYYY-MM-DDTHH:mm']}
      needConfirm={false}
      onChange={(d) => onChange?.(d ? d.format('YYYY-MM-DDTHH:mm') : '')}
      style={style}
    />
  );
}
