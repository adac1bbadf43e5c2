// Dates in the app's language: Ant Design's pickers take month and weekday names and the first
// day of the week from dayjs's global locale (zh-cn: 一月…, 一 二 … 日, Monday first). Imported by
// the shell, so the sign-in page does not carry it.
import dayjs from 'dayjs';

import 'dayjs/locale/zh-cn';
import 'dayjs/locale/en';

export function useDayjsLocale(language: string): void {
  dayjs.locale(language === 'en' ? 'en' : 'zh-cn');
}

dayjs.locale('zh-cn');
