import { Alert, Card, Descriptions, Empty, Result, Skeleton, Space, Table, Tag, Timeline, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { useQuery } from 'urql';

import { Code } from '@/components/Code';
import { LEVEL_COLOR } from '@/components/CreditAssessmentView';
import { formatDateTime } from '@/components/format';
import { SmsDeliveryTag } from '@/components/SmsDeliveryTag';
import { STATUS_COLOR } from '@/components/status';
import type { ApplicationShowQuery, CreditLevel, FindingKind } from '@/graphql/graphql';
import { useAccess } from '@/providers/access/AccessProvider';

import { AcceptPanel } from './AcceptPanel';
import { CompletePanel } from './CompletePanel';
import { LegalDocumentFileLink, OfflinePushesCard } from './DocumentFiles';
import { FacilitationCard } from './FacilitationCard';
import { APPLICATION_SHOW_QUERY } from './queries';
import { RecordFinding } from './RecordFinding';

type ShownApplication = NonNullable<ApplicationShowQuery['application']>;

interface Moment {
  at: string;
  key: string;
  color: string;
  text: ReactNode;
}

/** Everything that happened to the application, oldest first: steps, pushes, SMS, claims, feedback. */
function useMoments(a: ShownApplication): Moment[] {
  const { t } = useTranslation();
  const moments: Moment[] = [
    { at: a.submittedAt, key: 'submitted', color: 'gray', text: t('timeline.submitted', { by: a.submittedByName }) },
  ];
  if (a.acceptedAt) {
    moments.push({
      at: a.acceptedAt,
      key: 'accepted',
      color: 'blue',
      text: t('timeline.accepted', { by: a.acceptedByName ?? '', mode: t(`enums.HandlingMode.${a.handlingMode}`) }),
    });
  }
  for (const p of a.pushes) {
    const stage = t(`enums.PushStage.${p.stage}`);
    moments.push({
      at: p.pushedAt,
      key: `push-${p.id}`,
      color: p.overdue ? 'red' : 'blue',
      text: (
        <span data-testid={`timeline-push-${p.id}`}>
          {t('timeline.pushed', { stage, department: p.department.name, channel: t(`enums.Channel.${p.channel}`) })}
          {p.receiveLiaisonName && ` · ${t('timeline.sms', { name: p.receiveLiaisonName, mobile: p.receiveLiaisonMobile })}`}
          {p.receiveLiaisonName && (
            <span style={{ marginInlineStart: 8 }}>
              <SmsDeliveryTag delivery={p.smsDelivery} />
            </span>
          )}
          {p.responsibilities
            .filter((r) => r.supervisingDepartment.id === p.department.id)
            .map((r) => (
              <Typography.Text type="secondary" key={r.linkageId} style={{ display: 'block' }} data-testid={`timeline-responsible-${p.id}`}>
                {t('timeline.responsible', {
                  approvingSection: r.approvingSectionName,
                  approvingPerson: r.approvingPersonName,
                  supervisingSection: r.supervisingSectionName,
                  supervisingPerson: r.supervisingPersonName,
                })}
              </Typography.Text>
            ))}
          {p.overdue && (
            <Tag color="error" style={{ marginInlineStart: 8 }}>
              {t('inbox.overdue')}
            </Tag>
          )}
        </span>
      ),
    });
    if (p.claimedAt) {
      moments.push({
        at: p.claimedAt,
        key: `claim-${p.id}`,
        color: 'green',
        text: (
          <span data-testid={`timeline-claim-${p.id}`}>
            {t('timeline.claimed', {
              department: p.department.name,
              by: p.claimedByName ?? '',
              method: p.claimMethod ? t(`enums.Channel.${p.claimMethod}`) : '',
            })}
            {p.claimMeetingId && ` · ${t('timeline.claimedAtMeeting', { id: p.claimMeetingId })}`}
          </span>
        ),
      });
    }
    // 无异常办结: the supervising department closed the push without a finding.
    if (p.feedbackClosedAt && p.feedbackState === 'NO_ABNORMALITY') {
      moments.push({
        at: p.feedbackClosedAt,
        key: `closed-${p.id}`,
        color: 'green',
        text: (
          <span data-testid={`timeline-closed-${p.id}`}>
            {t('timeline.closedNoAbnormality', { department: p.department.name, by: p.feedbackClosedByName ?? '' })}
          </span>
        ),
      });
    }
  }
  for (const f of a.findings) {
    moments.push({
      at: f.createdAt,
      key: `finding-${f.id}`,
      color: f.abnormal ? 'red' : 'green',
      text: (
        <span data-testid={`timeline-finding-${f.id}`}>
          {t(f.abnormal ? 'timeline.feedbackAbnormal' : 'timeline.feedback', { department: f.department.name, summary: f.summary })}
          {f.abnormal && ` · ${t('findings.resultType')}：${t(`enums.ResultType.${f.resultType}`)}`}
          {f.measures && ` · ${t('findings.measures')}：${f.measures}`}
          {f.recordedByName && ` · ${t('messages.timeline.recordedBy', { name: f.recordedByName })}`}
        </span>
      ),
    });
  }
  if (a.completedAt) {
    moments.push({
      at: a.completedAt,
      key: 'completed',
      color: a.status === 'REFUSED' ? 'red' : 'green',
      text: t('timeline.completed', { by: a.completedByName ?? '', status: t(`enums.ApplicationStatus.${a.status}`) }),
    });
  }
  return moments.sort((x, y) => x.at.localeCompare(y.at));
}

function ApplicationTimeline({ application }: { application: ShownApplication }) {
  const moments = useMoments(application);
  return (
    <Timeline
      items={moments.map((m) => ({
        key: m.key,
        color: m.color,
        children: (
          <>
            <Typography.Text type="secondary" style={{ marginInlineEnd: 8 }}>
              {formatDateTime(m.at)}
            </Typography.Text>
            {m.text}
          </>
        ),
      }))}
    />
  );
}

export default function ApplicationShowPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [{ data, fetching, error }] = useQuery({ query: APPLICATION_SHOW_QUERY, variables: { id } });
  const access = useAccess();
  // Accepting and completing are the approval side's steps (the server checks it anyway).
  const approves = access.allows('application.handle');
  if (fetching && !data) return <Skeleton active />;
  const application = data?.application;
  if (!application) {
    return error ? (
      <Alert type="error" showIcon role="alert" message={error.graphQLErrors[0]?.message ?? t('common.serverError')} />
    ) : (
      <Result status="404" title={t('common.notFoundObject')} />
    );
  }
  const credit = application.creditAtAcceptance;
  const current = application.applicantCredit;
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        {t('applications.detail')} <Code>{application.number}</Code>
      </Typography.Title>
      <Card>
        <Descriptions column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label={t('applications.matter')}>
            {application.matter.name}（{application.matter.code}）
          </Descriptions.Item>
          <Descriptions.Item label={t('matters.department')}>{application.matter.department?.name}</Descriptions.Item>
          <Descriptions.Item label={t('applications.status')}>
            <Tag color={STATUS_COLOR[application.status]} data-testid="application-status">
              {t(`enums.ApplicationStatus.${application.status}`)}
            </Tag>
          </Descriptions.Item>
          <Descriptions.Item label={t('applications.submittedAt')}>{formatDateTime(application.submittedAt)}</Descriptions.Item>
          <Descriptions.Item label={t('applications.applicant')}>{application.applicantName}</Descriptions.Item>
          <Descriptions.Item label={t('applications.applicantCode')}>
            <Code>{application.applicantIdentifier}</Code>
          </Descriptions.Item>
          <Descriptions.Item label={t('applications.applicantContact')}>{application.applicantContact}</Descriptions.Item>
          <Descriptions.Item label={t('applications.applicantAddress')}>{application.applicantAddress}</Descriptions.Item>
          {application.acceptedAt && (
            <Descriptions.Item label={t('accept.mode')}>{t(`enums.HandlingMode.${application.handlingMode}`)}</Descriptions.Item>
          )}
          {credit && (
            <Descriptions.Item label={t('accept.creditAtAcceptance')}>
              <Tag color={LEVEL_COLOR[credit.level as CreditLevel] ?? 'default'} data-testid="credit-at-acceptance">
                {credit.levelLabel}
              </Tag>
              {credit.jointPunished && <Tag color="error">{t('credit.jointPunished')}</Tag>}
            </Descriptions.Item>
          )}
          <Descriptions.Item label={t('accept.currentCredit')}>
            {current ? (
              <Space size={4} wrap>
                <Tag color={LEVEL_COLOR[current.level] ?? 'default'} data-testid="current-credit">
                  {current.levelLabel}
                </Tag>
                {current.jointPunished && <Tag color="error">{t('credit.jointPunished')}</Tag>}
                <Typography.Text type="secondary">{current.summary}</Typography.Text>
              </Space>
            ) : (
              <Typography.Text type="secondary">{t('accept.currentCreditUnavailable')}</Typography.Text>
            )}
          </Descriptions.Item>
          {application.refusalReason && (
            <Descriptions.Item label={t('complete.refusalReason')}>{application.refusalReason}</Descriptions.Item>
          )}
        </Descriptions>
      </Card>
      {approves && application.status === 'SUBMITTED' && (
        <AcceptPanel
          applicationId={application.id}
          // A natural person's number is shown in full only to the handling department.
          subjectCode={application.applicantIdentifier.includes('*') ? null : application.applicantIdentifier}
        />
      )}
      <FacilitationCard application={application} approves={approves} />
      {approves && application.status === 'ACCEPTED' && <CompletePanel applicationId={application.id} />}
      {application.legalDocuments.length > 0 && (
        <Card title={t('complete.documents')}>
          <Table
            rowKey="number"
            size="small"
            pagination={false}
            dataSource={application.legalDocuments}
            columns={[
              {
                title: t('complete.documentKind'),
                dataIndex: 'kind',
                render: (k: ShownApplication['legalDocuments'][number]['kind']) => t(`enums.DocumentKind.${k}`),
              },
              { title: t('complete.documentNumber'), dataIndex: 'number' },
              { title: t('complete.validFrom'), dataIndex: 'validFrom' },
              { title: t('complete.validUntil'), dataIndex: 'validUntil' },
              { title: t('documents.file'), key: 'file', render: (_, d) => <LegalDocumentFileLink documentId={d.id} file={d.file} /> },
            ]}
          />
        </Card>
      )}
      <OfflinePushesCard application={application} departmentId={access.departmentId} />
      <Card title={t('timeline.title')} data-testid="application-timeline">
        <ApplicationTimeline application={application} />
      </Card>
      <Card title={t('applications.findings')} extra={access.allows('finding.record') && <RecordFinding applicationId={application.id} />}>
        <Table
          rowKey="id"
          dataSource={application.findings}
          pagination={false}
          locale={{ emptyText: <Empty description={t('applications.noFindings')} /> }}
          columns={[
            { title: t('findings.kind'), dataIndex: 'kind', width: 140, render: (k: FindingKind) => t(`enums.FindingKind.${k}`) },
            {
              title: t('findings.abnormal'),
              dataIndex: 'abnormal',
              width: 100,
              render: (a: boolean) => (a ? <Tag color="error">{t('findings.abnormalYes')}</Tag> : <Tag>{t('findings.abnormalNo')}</Tag>),
            },
            {
              title: t('findings.resultType'),
              dataIndex: 'resultType',
              width: 110,
              render: (r: ShownApplication['findings'][number]['resultType']) => t(`enums.ResultType.${r}`),
            },
            { title: t('findings.measures'), dataIndex: 'measures' },
            { title: t('findings.summary'), dataIndex: 'summary' },
            { title: t('findings.foundOn'), dataIndex: 'foundOn', width: 120 },
            { title: t('findings.department'), key: 'department', render: (_, f) => f.department.name },
          ]}
        />
      </Card>
    </Space>
  );
}
