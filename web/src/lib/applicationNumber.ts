/**
 * The application a typed 办件编号 names. The number people read is SP, the day of
 * submission (8 digits) and the application's serial (api/approval/services/lists.py); a bare
 * serial is taken as it is. Anything else names no application (null: no filter is sent).
 */
const NUMBER = /^SP\d{8}(\d{6,})$/i;

export function applicationIdOf(typed: string | null | undefined): string | null {
  const text = (typed ?? '').trim();
  const serial = NUMBER.exec(text)?.[1] ?? (/^\d+$/.test(text) ? text : null);
  if (serial === null) return null;
  const id = String(Number(serial));
  return id === '0' ? null : id;
}
