import { App as AntApp, Button, Layout, Menu, Select, Space, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router-dom';
import { useQuery } from 'urql';
import { useAuth } from '../providers/auth/AuthProvider';
import { rememberLocale } from '../providers/i18n';
import type { Locale } from '../locales/types';
import zhCN from '../locales/zh-CN';
import { DEPARTMENT_NAMES_QUERY, ME_QUERY } from './queries';

const NAV = [
  { path: '/', key: 'nav.workbench' },
  { path: '/matters', key: 'nav.matters' },
  { path: '/departments', key: 'nav.departments' },
  { path: '/applications', key: 'nav.applications' },
  { path: '/subjects', key: 'nav.subjects' },
] as const;

type RoleKey = keyof typeof zhCN.roles;
const isKnownRole = (role: string): role is RoleKey => role in zhCN.roles;

export function activeNav(pathname: string): string {
  const match = NAV.filter((n) => n.path !== '/' && (pathname === n.path || pathname.startsWith(`${n.path}/`)));
  return match[0]?.path ?? '/';
}

export function Shell() {
  const { t, i18n } = useTranslation();
  const { signOut } = useAuth();
  const location = useLocation();
  const [{ data: meData }] = useQuery({ query: ME_QUERY });
  const [{ data: deptData }] = useQuery({ query: DEPARTMENT_NAMES_QUERY });
  const me = meData?.me;
  const names = new Map((deptData?.departments ?? []).map((d) => [d.id, d.name]));
  const deptName = (id: string) => names.get(id) ?? id;

  // AntApp (message, modal) lives here, not at the root: the sign-in page does without it.
  return (
    <AntApp>
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
            items={NAV.map((n) => ({ key: n.path, label: <Link to={n.path}>{t(n.key)}</Link> }))}
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
              <Tooltip title={t('app.department')}>
                <Tag color="red">{deptName(me.departmentId)}</Tag>
              </Tooltip>
              {me.departmentIds.length > 1 && (
                <Typography.Text type="secondary" aria-label={t('app.departments')}>
                  {t('app.departments')}：{me.departmentIds.map(deptName).join('、')}
                </Typography.Text>
              )}
              <span aria-label={t('app.roles')}>
                {me.roles.map((r) => (
                  <Tag key={r}>{isKnownRole(r) ? t(`roles.${r}`) : r}</Tag>
                ))}
              </span>
            </Space>
          )}
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
          <Button onClick={() => signOut('signed-out')}>{t('app.signOut')}</Button>
        </Layout.Header>
        <Layout.Content id="main" tabIndex={-1} style={{ margin: 24 }}>
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
    </AntApp>
  );
}
