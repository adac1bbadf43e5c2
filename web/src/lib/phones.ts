import { parsePhoneNumberFromString, type PhoneNumber } from 'libphonenumber-js/max';

/**
 * Chinese telephone numbers by libphonenumber's data: the same rules, normalised forms and
 * messages as the server (api/catalog/services/phones.py). A landline is an area code and a local number
 * (0737-6180018), optionally with an extension (转123); a mobile has 11 digits. The messages
 * are `org.officePhoneInvalid` / `org.mobileInvalid` (zh-CN: word for word the server's).
 */

const EXTENSION = /\s*(?:转|分机|ext\.?|x)\s*(\d{1,6})\s*$/i;

function parse(text: string): PhoneNumber | undefined {
  const number = parsePhoneNumberFromString(text, 'CN');
  if (!number || number.countryCallingCode !== '86' || !number.isValid()) return undefined;
  return number;
}

/** The 11 digits of a valid mainland mobile, or null. */
export function normaliseMobile(text: string): string | null {
  const digits = text.trim().replace(/[\s-]/g, '');
  if (!/^(?:\+?86)?1\d{10}$/.test(digits)) return null;
  const number = parse(digits);
  const type = number?.getType();
  return number && (type === 'MOBILE' || type === 'FIXED_LINE_OR_MOBILE') ? number.nationalNumber : null;
}

/** A valid landline as 0737-6180018 (转123 for an extension), or a valid mobile as 11 digits; null otherwise. */
export function normaliseOfficePhone(text: string): string | null {
  let value = text.trim();
  let extension = '';
  const match = EXTENSION.exec(value);
  if (match) {
    extension = match[1] ?? '';
    value = value.slice(0, match.index);
  }
  if (!extension) {
    const mobile = normaliseMobile(value);
    if (mobile) return mobile;
  }
  const number = parse(value);
  const type = number?.getType();
  if (!number || (type !== 'FIXED_LINE' && type !== 'FIXED_LINE_OR_MOBILE')) return null;
  // National format is "0737 618 0018": the area code is the first group.
  const area = number.formatNational().split(' ')[0] ?? '';
  if (!/^0\d{2,3}$/.test(area)) return null;
  const local = `${area}-${number.nationalNumber.slice(area.length - 1)}`;
  return extension ? `${local}转${extension}` : local;
}
