import { ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** Ant Design's locale (following the app's language) and theme. */
export function AppConfig({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  return (
    <ConfigProvider
      locale={i18n.language === 'en' ? enUS : zhCN}
      theme={{ token: { colorPrimary: '#b71c1c' } }}
      // "登 录" reads badly to screen readers; keep button labels as written.
      button={{ autoInsertSpace: false }}
    >
      {children}
    </ConfigProvider>
  );
}
