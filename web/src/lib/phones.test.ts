import { describe, expect, it } from 'vitest';

import { normaliseMobile, normaliseOfficePhone } from './phones';

// The same table as tests/catalog/test_phones.py.
const VALID_OFFICE_PHONES: [string, string][] = [
  ['0737-6180018', '0737-6180018'],
  ['0737 6180018', '0737-6180018'],
  ['07376180018', '0737-6180018'],
  ['(0737)6180018', '0737-6180018'],
  ['0737-6180018转123', '0737-6180018转123'],
  ['0737-6180018 ext 12', '0737-6180018转12'],
  ['010-12345678', '010-12345678'],
  ['0731-88886666', '0731-88886666'],
  ['+86 737 618 0018', '0737-6180018'],
  ['13907370021', '13907370021'],
];
const INVALID_OFFICE_PHONES = ['0737-618', '6180018', '021-6218888', '0737-61800181234', 'x', '1390737021'];
const VALID_MOBILES: [string, string][] = [
  ['13907370021', '13907370021'],
  ['139 0737 0021', '13907370021'],
  ['139-0737-0021', '13907370021'],
  ['+86 13907370021', '13907370021'],
  ['18673700001', '18673700001'],
];
const INVALID_MOBILES = ['1390737021', '139073700211', '12907370021', '0737-6180018', 'abc'];

describe('office phones by Chinese numbering rules', () => {
  it.each(VALID_OFFICE_PHONES)('takes %s as %s', (text, stored) => {
    expect(normaliseOfficePhone(text)).toBe(stored);
  });
  it.each(INVALID_OFFICE_PHONES)('refuses %s', (text) => {
    expect(normaliseOfficePhone(text)).toBeNull();
  });
});

describe('mobiles by Chinese numbering rules', () => {
  it.each(VALID_MOBILES)('takes %s as %s', (text, stored) => {
    expect(normaliseMobile(text)).toBe(stored);
  });
  it.each(INVALID_MOBILES)('refuses %s', (text) => {
    expect(normaliseMobile(text)).toBeNull();
  });
});
