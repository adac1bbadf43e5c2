import { Button, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** Previous / next over a list the server pages with first/offset (it reports no total). */
export function Pager({
  page,
  hasNext,
  onChange,
  disabled,
}: {
  page: number;
  hasNext: boolean;
  onChange: (page: number) => void;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <nav aria-label="pagination">
      <Space style={{ marginTop: 16, justifyContent: 'flex-end', width: '100%' }}>
        <Button disabled={disabled || page <= 1} onClick={() => onChange(page - 1)}>
          {t('common.previous')}
        </Button>
        <Typography.Text aria-live="polite">{t('common.page', { page: String(page) })}</Typography.Text>
        <Button disabled={disabled || !hasNext} onClick={() => onChange(page + 1)}>
          {t('common.next')}
        </Button>
      </Space>
    </nav>
  );
}
