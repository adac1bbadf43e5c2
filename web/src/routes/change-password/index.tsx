import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useMutation } from 'urql';

import { applyServerErrors } from '@/components/serverErrors';
import { passwordStrongEnough } from '@/lib/password';
import { useAuth } from '@/providers/auth/AuthProvider';

import { CHANGE_PASSWORD_MUTATION } from './queries';

interface ChangePasswordValues {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

export default function ChangePasswordPage() {
  const { t } = useTranslation();
  const [form] = Form.useForm<ChangePasswordValues>();
  const navigate = useNavigate();
  const { mustChangePassword, passwordChanged } = useAuth();
  const [{ fetching }, changePassword] = useMutation(CHANGE_PASSWORD_MUTATION);
  const [problem, setProblem] = useState<string | null>(null);

  async function onFinish(values: ChangePasswordValues) {
    setProblem(null);
    const result = await changePassword({ currentPassword: values.currentPassword, newPassword: values.newPassword });
    const payload = result.data?.changePassword;
    if (payload?.__typename === 'Done') {
      passwordChanged();
      navigate('/', { replace: true });
    } else if (payload?.__typename === 'ValidationErrors') {
      const rest = applyServerErrors(form, payload.errors, ['currentPassword', 'newPassword']);
      if (rest.length > 0) setProblem(rest.map((e) => e.message).join('；'));
    } else {
      setProblem(result.error?.graphQLErrors[0]?.message ?? t('common.serverError'));
    }
  }

  return (
    <main style={{ minHeight: '100vh', display: 'grid', placeItems: 'center', background: '#f5f5f5' }}>
      <div style={{ width: 420, background: '#fff', borderRadius: 8, padding: 32, boxShadow: '0 1px 4px rgba(0,0,0,0.08)' }}>
        <h1 style={{ marginTop: 0, fontSize: 24, fontWeight: 600 }}>{t('auth.changePassword')}</h1>
        {mustChangePassword && <Alert type="info" showIcon message={t('auth.mustChangePassword')} style={{ marginBottom: 16 }} />}
        {problem && <Alert type="error" showIcon message={problem} role="alert" style={{ marginBottom: 16 }} />}
        <Form<ChangePasswordValues> form={form} layout="vertical" onFinish={onFinish} requiredMark={false}>
          <Form.Item
            label={t('auth.currentPassword')}
            name="currentPassword"
            rules={[{ required: true, message: t('auth.passwordRequired') }]}
          >
            <Input.Password autoComplete="current-password" autoFocus />
          </Form.Item>
          <Form.Item
            label={t('auth.newPassword')}
            name="newPassword"
            extra={t('auth.passwordRule')}
            rules={[
              { required: true, message: t('auth.passwordRequired') },
              {
                validator: async (_r, v: string | undefined) =>
                  !v || passwordStrongEnough(v) ? undefined : Promise.reject(new Error(t('auth.passwordWeak'))),
              },
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            label={t('auth.confirmPassword')}
            name="confirmPassword"
            dependencies={['newPassword']}
            rules={[
              { required: true, message: t('auth.passwordRequired') },
              ({ getFieldValue }) => ({
                validator: async (_r, v: string | undefined) =>
                  !v || v === getFieldValue('newPassword') ? undefined : Promise.reject(new Error(t('auth.passwordMismatch'))),
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={fetching}>
            {t('auth.changePasswordSubmit')}
          </Button>
        </Form>
      </div>
    </main>
  );
}
