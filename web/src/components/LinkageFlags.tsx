import { Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';

import type { MatterStatus, Principle } from '@/graphql/graphql';

/** A linkage's principles, each as a tag (谁审批谁负责 / 谁主管谁监管). */
export function PrincipleTags({ principles }: { principles: readonly Principle[] }) {
  const { t } = useTranslation();
  return (
    <Space size={[0, 4]} wrap>
      {principles.map((p) => (
        <Tag key={p}>{t(`enums.Principle.${p}`)}</Tag>
      ))}
    </Space>
  );
}

/** 跨部门 / 跨层级 tags (derived by the server from the departments); nothing within one department and level. */
export function CrossTags({
  crossDepartment,
  crossLevel,
  showSame = false,
}: {
  crossDepartment: boolean;
  crossLevel: boolean;
  showSame?: boolean;
}) {
  const { t } = useTranslation();
  if (!crossDepartment && !crossLevel) return showSame ? <span>{t('linkage.sameDepartment')}</span> : null;
  return (
    <Space size={[0, 4]} wrap>
      {crossDepartment && <Tag color="blue">{t('linkage.crossDepartment')}</Tag>}
      {crossLevel && <Tag color="purple">{t('linkage.crossLevel')}</Tag>}
    </Space>
  );
}

/** 已废止（日期） for a repealed matter; nothing for one in force. */
export function RepealedTag({ matter }: { matter: { status: MatterStatus; repealedOn?: string | null } | null | undefined }) {
  const { t } = useTranslation();
  if (!matter || matter.status !== 'REPEALED') return null;
  return <Tag>{matter.repealedOn ? t('matters.repealed', { date: matter.repealedOn }) : t('matters.repealedUndated')}</Tag>;
}
