import { Form, Input, Modal } from 'antd';
import { useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface Asked {
  title: string;
  resolve: (reason: string | null) => void;
}

/**
 * Asks for the reason of a policy change (the server requires one and audits it):
 * `ask(title)` resolves to the reason, or `null` when the administrator cancels.
 */
export function useReasonPrompt(): { ask: (title: string) => Promise<string | null>; prompt: ReactNode } {
  const [asked, setAsked] = useState<Asked | null>(null);
  const ask = (title: string) => new Promise<string | null>((resolve) => setAsked({ title, resolve }));
  const close = (reason: string | null) => {
    asked?.resolve(reason);
    setAsked(null);
  };
  return { ask, prompt: asked ? <ReasonModal title={asked.title} onClose={close} /> : null };
}

function ReasonModal({ title, onClose }: { title: string; onClose: (reason: string | null) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  const done = useRef(false);
  return (
    <Modal
      open
      title={title}
      okText={t('admin.confirmChange')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={() => onClose(null)}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        name="changeReason"
        onFinish={(v) => {
          if (done.current) return;
          done.current = true;
          onClose(v.reason.trim());
        }}
      >
        <Form.Item
          label={t('admin.reason')}
          name="reason"
          extra={t('admin.reasonHint')}
          rules={[{ required: true, whitespace: true, message: t('admin.reasonRequired') }]}
        >
          <Input.TextArea rows={2} maxLength={500} autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}
