import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { useMutation } from 'urql';

import { applyServerErrors } from '@/components/serverErrors';
import { useAuth } from '@/providers/auth/AuthProvider';
import { rememberLocale } from '@/providers/i18n';

import { SIGN_IN_MUTATION } from './queries';

interface SignInValues {
  username: string;
  password: string;
}

/** Where to go after signing in: only paths of this app, never another origin. */
export function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/sign-in') ? next : '/';
}

export default function SignInPage() {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<SignInValues>();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const { signedIn, signedInWith } = useAuth();
  const [{ fetching }, signIn] = useMutation(SIGN_IN_MUTATION);
  const [problem, setProblem] = useState<string | null>(null);
  const next = safeNext(params.get('next'));

  if (signedIn) return <Navigate to={next} replace />;

  async function onFinish(values: SignInValues) {
    setProblem(null);
    const result = await signIn({ username: values.username.trim(), password: values.password });
    const payload = result.data?.signIn;
    if (payload?.__typename === 'SignInPayload') {
      signedInWith({ mustChangePassword: payload.mustChangePassword });
      navigate(payload.mustChangePassword ? '/change-password' : next, { replace: true });
    } else if (payload?.__typename === 'ValidationErrors') {
      const rest = applyServerErrors(form, payload.errors, ['username', 'password']);
      if (rest.length > 0) setProblem(rest.map((e) => e.message).join('；'));
    } else {
      setProblem(t('common.serverError'));
    }
  }

  return (
    <main style={{ minHeight: '100vh', display: 'grid', placeItems: 'center', background: '#f5f5f5' }}>
      {/* Plain elements, not Card/Typography: this page is the one every visit loads first. */}
      <div style={{ width: 380, background: '#fff', borderRadius: 8, padding: 32, boxShadow: '0 1px 4px rgba(0,0,0,0.08)' }}>
        <h1 style={{ marginTop: 0, fontSize: 24, fontWeight: 600 }}>{t('app.title')}</h1>
        <p style={{ color: 'rgba(0,0,0,0.45)' }}>{t('app.subtitle')}</p>
        {params.get('expired') && <Alert type="warning" showIcon message={t('auth.expired')} style={{ marginBottom: 16 }} />}
        {problem && <Alert type="error" showIcon message={problem} role="alert" style={{ marginBottom: 16 }} />}
        <Form<SignInValues> form={form} layout="vertical" onFinish={onFinish} requiredMark={false}>
          <Form.Item
            label={t('auth.username')}
            name="username"
            rules={[{ required: true, whitespace: true, message: t('auth.usernameRequired') }]}
          >
            <Input autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item label={t('auth.password')} name="password" rules={[{ required: true, message: t('auth.passwordRequired') }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={fetching}>
            {t('auth.submit')}
          </Button>
        </Form>
        <div style={{ marginTop: 16, textAlign: 'right' }}>
          <Button
            type="link"
            size="small"
            lang={i18n.language === 'en' ? 'zh-CN' : 'en'}
            onClick={() => rememberLocale(i18n.language === 'en' ? 'zh-CN' : 'en')}
          >
            {i18n.language === 'en' ? '中文' : 'English'}
          </Button>
        </div>
      </div>
    </main>
  );
}
