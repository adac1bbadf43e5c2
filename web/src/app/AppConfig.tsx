import { ConfigProvider } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

import { antdLocale } from '@/providers/i18n';

/**
 * The nonce the gateway put into this page (Vite's `<meta property="csp-nonce">`): Ant Design
 * marks its <style> elements with it, as the page's Content-Security-Policy requires.
 */
function cspNonce(): string | undefined {
  const meta = document.querySelector<HTMLMetaElement>('meta[property="csp-nonce"]');
  const nonce = meta?.nonce || meta?.getAttribute('nonce') || '';
  return nonce && nonce !== 'SG_CSP_NONCE' ? nonce : undefined;
}

const NONCE = cspNonce();

/** Ant Design's locale (following the app's language) and theme. */
export function AppConfig({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  return (
    <ConfigProvider
      locale={antdLocale(i18n.language)}
      csp={NONCE ? { nonce: NONCE } : undefined}
      theme={{ token: { colorPrimary: '#b71c1c' } }}
      // "登 录" reads badly to screen readers; keep button labels as written.
      button={{ autoInsertSpace: false }}
    >
      {children}
    </ConfigProvider>
  );
}
