import { Alert, Skeleton, Space, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';

import { useCreditAccess } from './access';
import { AggregationTab } from './AggregationTab';
import { LookupsTab } from './LookupsTab';
import { PolicyTab } from './PolicyTab';
import { PunishmentsTab } from './PunishmentsTab';
import { RulesTab } from './RulesTab';

/** 信用管理: what credit officers maintain, and the lookup log (department heads: their own). */
export default function CreditPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const access = useCreditAccess();
  const items = [
    ...(access.readsCredit
      ? [
          { key: 'rules', label: t('creditAdmin.tabs.rules'), children: <RulesTab writes={access.writesCredit} /> },
          { key: 'aggregation', label: t('creditAdmin.tabs.aggregation'), children: <AggregationTab writes={access.writesCredit} /> },
          { key: 'policy', label: t('creditAdmin.tabs.policy'), children: <PolicyTab writes={access.writesCredit} /> },
          { key: 'punishments', label: t('creditAdmin.tabs.punishments'), children: <PunishmentsTab writes={access.writesCredit} /> },
        ]
      : []),
    ...(access.readsLookups ? [{ key: 'lookups', label: t('creditAdmin.tabs.lookups'), children: <LookupsTab /> }] : []),
  ];
  const requested = params.get('tab');
  const active = items.some((i) => i.key === requested) ? (requested as string) : items[0]?.key;
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        {t('creditAdmin.title')}
      </Typography.Title>
      {access.loaded && access.readsCredit && !access.writesCredit && <Alert type="info" showIcon message={t('creditAdmin.readOnly')} />}
      {!access.loaded ? (
        <Skeleton active />
      ) : items.length === 0 ? (
        <Alert type="warning" showIcon message={t('common.notFoundObject')} />
      ) : (
        <Tabs activeKey={active} onChange={(k) => setParams({ tab: k })} destroyOnHidden items={items} />
      )}
    </Space>
  );
}
