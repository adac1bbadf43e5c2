import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';

export function RouteError() {
  const { t } = useTranslation();
  return (
    <main style={{ padding: 48, maxWidth: 640, margin: '0 auto' }}>
      <Alert
        type="error"
        showIcon
        role="alert"
        message={t('app.error')}
        action={<Button onClick={() => window.location.reload()}>{t('app.retry')}</Button>}
      />
    </main>
  );
}
