import { describe, expect, it } from 'vitest';

import { inForceOn } from './determinations';

const entries = [
  { id: '3', determinedOn: '2026-12-31' },
  { id: '2', determinedOn: '2026-12-12' },
  { id: '1', determinedOn: '2026-12-12' },
  { id: '0', determinedOn: '2026-11-01' },
];

describe('inForceOn', () => {
  it('takes the newest determination made on or before the day', () => {
    expect(inForceOn(entries, '2026-12-20')?.id).toBe('2');
    expect(inForceOn(entries, '2026-12-12')?.id).toBe('2');
    expect(inForceOn(entries, '2026-12-31')?.id).toBe('3');
    expect(inForceOn(entries, '2026-11-30')?.id).toBe('0');
  });

  it('has nothing in force before the first determination', () => {
    expect(inForceOn(entries, '2026-10-31')).toBeNull();
    expect(inForceOn([], '2026-10-31')).toBeNull();
  });
});
