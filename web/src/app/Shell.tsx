import { App as AntApp, Badge, Button, Layout, Menu, Select, Space, Tag, Tooltip, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router-dom';
import { useMutation, useQuery } from 'urql';

import type { Locale } from '@/locales/types';
import zhCN from '@/locales/zh-CN';
import type { Access, Feature } from '@/providers/access/access';
import { AccessProvider, useAccess } from '@/providers/access/AccessProvider';
import { useAuth } from '@/providers/auth/AuthProvider';
import { useDayjsLocale } from '@/providers/dates';
import { rememberLocale } from '@/providers/i18n';
import { LiveInboxProvider, useLiveInbox, useRefetchOnInbox } from '@/providers/live/LiveInbox';
import { MessageBell } from '@/routes/messages/MessageBell';

import { DEPARTMENT_NAMES_QUERY, INBOX_COUNTS_QUERY, ME_QUERY, SIGN_OUT_MUTATION, SWITCH_DEPARTMENT_MUTATION } from './queries';

interface NavItem {
  path: string;
  key:
    | 'nav.workbench'
    | 'nav.linkages'
    | 'nav.matters'
    | 'nav.departments'
    | 'nav.applications'
    | 'nav.subjects'
    | 'nav.inbox'
    | 'nav.admin'
    | 'nav.credit'
    | 'nav.statistics'
    | 'coordination.nav.meetings'
    | 'coordination.nav.escalations'
    | 'coordination.nav.cards'
    | 'coordination.nav.sms';
  /** Shown only to who may use it (`me.abilities`; the server decides anyway). */
  feature?: Feature;
}

const NAV: readonly NavItem[] = [
  { path: '/', key: 'nav.workbench' },
  { path: '/inbox', key: 'nav.inbox', feature: 'nav.inbox' },
  { path: '/linkages', key: 'nav.linkages', feature: 'nav.linkages' },
  { path: '/matters', key: 'nav.matters', feature: 'nav.matters' },
  { path: '/departments', key: 'nav.departments', feature: 'nav.departments' },
  { path: '/applications', key: 'nav.applications', feature: 'nav.applications' },
  { path: '/subjects', key: 'nav.subjects', feature: 'nav.subjects' },
  { path: '/credit', key: 'nav.credit', feature: 'nav.credit' },
  { path: '/admin', key: 'nav.admin', feature: 'nav.admin' },
  { path: '/statistics', key: 'nav.statistics', feature: 'nav.statistics' },
  { path: '/meetings', key: 'coordination.nav.meetings', feature: 'nav.meetings' },
  { path: '/escalations', key: 'coordination.nav.escalations', feature: 'nav.escalations' },
  { path: '/cards', key: 'coordination.nav.cards', feature: 'nav.cards' },
  { path: '/sms', key: 'coordination.nav.sms', feature: 'nav.sms' },
];

export function visibleNav(access: Access): readonly NavItem[] {
  return NAV.filter((n) => !n.feature || access.allows(n.feature));
}

type RoleKey = keyof typeof zhCN.roles;
const isKnownRole = (role: string): role is RoleKey => role in zhCN.roles;

export function activeNav(pathname: string): string {
  const match = NAV.filter((n) => n.path !== '/' && (pathname === n.path || pathname.startsWith(`${n.path}/`)));
  return match[0]?.path ?? '/';
}

/** Awaiting and overdue pushes next to 接收与反馈, refetched when a push arrives. */
function InboxNavLabel({ label }: { label: string }) {
  const { t } = useTranslation();
  const [{ data: counts }, refetch] = useQuery({ query: INBOX_COUNTS_QUERY, requestPolicy: 'cache-and-network' });
  useRefetchOnInbox('push', refetch);
  return (
    <Link to="/inbox">
      {label}{' '}
      {counts && (
        <>
          <Badge
            count={counts.awaiting.totalCount}
            color="orange"
            size="small"
            data-testid="nav-awaiting"
            title={t('inbox.awaitingCount')}
          />{' '}
          <Badge count={counts.overdue.totalCount} size="small" data-testid="nav-overdue" title={t('inbox.overdue')} />
        </>
      )}
    </Link>
  );
}

/** Whether the inbox is following new pushes live (GraphQL subscription) or reconnecting. */
function LiveIndicator(): ReactNode {
  const { t } = useTranslation();
  const { status } = useLiveInbox();
  if (status === 'off') return null;
  return (
    <Badge
      data-testid="live-status"
      data-status={status}
      status={status === 'live' ? 'success' : 'processing'}
      text={t(`live.status.${status}`)}
    />
  );
}

export function Shell() {
  return (
    <AccessProvider>
      <ShellFrame />
    </AccessProvider>
  );
}

function ShellFrame() {
  const { t, i18n } = useTranslation();
  useDayjsLocale(i18n.language);
  const { signOut, signedInWith } = useAuth();
  const [, endSession] = useMutation(SIGN_OUT_MUTATION);
  const [switching, switchDepartment] = useMutation(SWITCH_DEPARTMENT_MUTATION);
  const location = useLocation();
  const [{ data: meData }] = useQuery({ query: ME_QUERY });
  const [{ data: deptData }] = useQuery({ query: DEPARTMENT_NAMES_QUERY });
  const me = meData?.me;
  const access = useAccess();
  const readsPushes = access.allows('inbox.pushes');
  const names = new Map((deptData?.departments ?? []).map((d) => [d.id, d.name]));
  const deptName = (id: string) => names.get(id) ?? id;

  async function onSignOut() {
    // The server ends the session and clears the HttpOnly cookie; forget it here either way.
    await endSession({});
    signOut('signed-out');
  }

  async function onSwitch(departmentId: string) {
    const result = await switchDepartment({ departmentId });
    const payload = result.data?.switchDepartment;
    if (payload?.__typename === 'SignInPayload') signedInWith({ mustChangePassword: payload.mustChangePassword });
  }

  // AntApp (message, modal) lives here, not at the root: the sign-in page does without it.
  return (
    <AntApp>
      <LiveInboxProvider enabled={readsPushes}>
        <Layout style={{ minHeight: '100vh' }}>
          <a className="skip-link" href="#main">
            {t('app.skipToContent')}
          </a>
          <Layout.Sider breakpoint="lg" collapsedWidth={0} theme="light" width={200}>
            <div style={{ padding: '16px 20px', fontWeight: 600, fontSize: 18 }}>{t('app.title')}</div>
            <nav aria-label={t('app.title')}>
              <Menu
                mode="inline"
                selectedKeys={[activeNav(location.pathname)]}
                items={visibleNav(access).map((n) => ({
                  key: n.path,
                  label: n.path === '/inbox' && readsPushes ? <InboxNavLabel label={t(n.key)} /> : <Link to={n.path}>{t(n.key)}</Link>,
                }))}
              />
            </nav>
          </Layout.Sider>
          <Layout>
            <Layout.Header
              style={{ background: '#fff', display: 'flex', alignItems: 'center', justifyContent: 'flex-end', gap: 16, paddingInline: 24 }}
            >
              {me && (
                <Space size="middle" wrap data-testid="current-user">
                  <Typography.Text strong>{me.displayName}</Typography.Text>
                  {me.departmentIds.length > 1 ? (
                    <Select<string>
                      aria-label={t('app.switchDepartment')}
                      data-testid="department-switcher"
                      value={me.departmentId}
                      loading={switching.fetching}
                      onChange={(id) => void onSwitch(id)}
                      options={me.departmentIds.map((id) => ({ value: id, label: deptName(id) }))}
                      style={{ minWidth: 200 }}
                    />
                  ) : (
                    <Tooltip title={t('app.department')}>
                      <Tag color="red">{deptName(me.departmentId)}</Tag>
                    </Tooltip>
                  )}
                  <span aria-label={t('app.roles')}>
                    {me.roles.map((r) => (
                      <Tag key={r}>{isKnownRole(r) ? t(`roles.${r}`) : r}</Tag>
                    ))}
                  </span>
                </Space>
              )}
              <LiveIndicator />
              {readsPushes && <MessageBell />}
              <Select<Locale>
                aria-label={t('app.language')}
                size="small"
                value={i18n.language === 'en' ? 'en' : 'zh-CN'}
                onChange={rememberLocale}
                options={[
                  { value: 'zh-CN', label: '中文' },
                  { value: 'en', label: 'English' },
                ]}
                style={{ width: 100 }}
              />
              <Button onClick={() => void onSignOut()}>{t('app.signOut')}</Button>
            </Layout.Header>
            <Layout.Content id="main" tabIndex={-1} style={{ margin: 24 }}>
              <Outlet />
            </Layout.Content>
          </Layout>
        </Layout>
      </LiveInboxProvider>
    </AntApp>
  );
}
