/**
 * A date range as one text value (the URL's, a query form's): `YYYY-MM-DD~YYYY-MM-DD`; either
 * end may be empty. Malformed ends are dropped, so a hand-edited URL never reaches the server
 * as a bad date.
 */
const DAY = /^\d{4}-\d{2}-\d{2}$/;

export interface DateRange {
  since: string | null;
  until: string | null;
}

export function splitRange(value: string | null | undefined): DateRange {
  const [since = '', until = ''] = (value ?? '').split('~');
  return { since: DAY.test(since.trim()) ? since.trim() : null, until: DAY.test(until.trim()) ? until.trim() : null };
}

export function joinRange(since: string | null | undefined, until: string | null | undefined): string {
  const start = since && DAY.test(since) ? since : '';
  const end = until && DAY.test(until) ? until : '';
  return start || end ? `${start}~${end}` : '';
}

/** Today as YYYY-MM-DD in Asia/Shanghai: the server counts periods in the city's calendar days,
 * whatever the browser's own time zone (a CI browser in UTC is a day behind after 16:00). */
export function todayInChina(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
