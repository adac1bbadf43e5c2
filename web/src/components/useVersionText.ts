import { useTranslation } from 'react-i18next';

/** A version as people say it: 第 N 版 from 1, and version 0 (the built-in default in force
 * before anything was published) as 系统默认, never 第 0 版. A hook, since `t`'s type is too
 * deep to pass around. */
export function useVersionText(): (version: number) => string {
  const { t } = useTranslation();
  return (version) => (version === 0 ? t('app.defaultVersion') : t('app.versionNumber', { number: String(version) }));
}
