import { Alert, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CombinedError } from 'urql';

/** Title, actions, filters and the list: the frame every list page shares. */
export function ListPage({
  title,
  actions,
  filters,
  error,
  children,
}: {
  title: string;
  actions?: ReactNode;
  filters?: ReactNode;
  error?: CombinedError | undefined;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="page-title">
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 16 }} wrap>
        <Typography.Title level={2} id="page-title" style={{ margin: 0 }}>
          {title}
        </Typography.Title>
        {actions}
      </Space>
      {filters && <div style={{ marginBottom: 16 }}>{filters}</div>}
      {error && !isUnauthenticatedOnly(error) && (
        <Alert
          type="error"
          showIcon
          role="alert"
          style={{ marginBottom: 16 }}
          message={error.graphQLErrors[0]?.message ?? t('common.serverError')}
        />
      )}
      {children}
    </section>
  );
}

function isUnauthenticatedOnly(error: CombinedError): boolean {
  return error.graphQLErrors.length > 0 && error.graphQLErrors.every((e) => e.extensions?.code === 'UNAUTHENTICATED');
}
