import { Typography } from 'antd';
import type { ReactNode } from 'react';

/**
 * An identifier that is legitimately Latin on a zh-CN page — 监管码, 统一社会信用代码, 办件编号,
 * a file hash, a provider's template code. It renders `<span data-code>` so readers (and the
 * console walk in e2e/console.spec.ts) can tell the code apart from prose; everything else on
 * screen is Chinese through the locale files.
 */
export function Code({ children, boxed = false, copyable = false }: { children: ReactNode; boxed?: boolean; copyable?: boolean }) {
  if (children === null || children === undefined || children === '') return null;
  return (
    <Typography.Text code={boxed} copyable={copyable} data-code="">
      {children}
    </Typography.Text>
  );
}

/**
 * A text as it was sent (an SMS, a notice) with the codes inside it marked: each occurrence of
 * one of `codes` becomes a <Code>, the rest stays plain text.
 */
export function TextWithCodes({ text, codes }: { text: string; codes: readonly (string | null | undefined)[] }) {
  const known = [...new Set(codes.filter((c): c is string => !!c))].sort((a, b) => b.length - a.length);
  if (known.length === 0) return <>{text}</>;
  const escaped = known.map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const parts = text.split(new RegExp(`(${escaped.join('|')})`, 'g'));
  return <>{parts.map((part, i) => (known.includes(part) ? <Code key={i}>{part}</Code> : part))}</>;
}
