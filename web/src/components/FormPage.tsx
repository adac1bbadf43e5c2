import { Alert, Card, Typography } from 'antd';
import type { ReactNode } from 'react';

/** A titled card holding one form, with errors the server could not place on a field. */
export function FormPage({ title, problems, children }: { title: string; problems: readonly string[]; children: ReactNode }) {
  return (
    <section aria-labelledby="page-title" style={{ maxWidth: 720 }}>
      <Typography.Title level={2} id="page-title">
        {title}
      </Typography.Title>
      <Card>
        {problems.length > 0 && <Alert type="error" showIcon role="alert" style={{ marginBottom: 16 }} message={problems.join('；')} />}
        {children}
      </Card>
    </section>
  );
}
