import { describe, expect, it } from 'vitest';

import { applicationIdOf } from './applicationNumber';

describe('applicationIdOf', () => {
  it('reads the serial of a 办件编号', () => {
    expect(applicationIdOf('SP20261202000012')).toBe('12');
    expect(applicationIdOf(' sp20261202001234567 ')).toBe('1234567');
  });
  it('takes a bare serial as it is', () => {
    expect(applicationIdOf('42')).toBe('42');
  });
  it('names no application for anything else', () => {
    expect(applicationIdOf('')).toBeNull();
    expect(applicationIdOf('SP2026')).toBeNull();
    expect(applicationIdOf('SP20261202000000')).toBeNull();
    expect(applicationIdOf('第12号')).toBeNull();
  });
});
