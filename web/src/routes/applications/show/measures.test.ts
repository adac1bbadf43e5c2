import { describe, expect, it } from 'vitest';

import { measureChoice } from './measures';

const trustworthy = {
  level: 'TRUSTWORTHY' as const,
  jointPunished: false,
  allowedModes: ['NORMAL', 'GREEN_CHANNEL', 'NOTIFY_AND_COMMIT'] as const,
};

describe('measureChoice', () => {
  it('needs a reason when a trustworthy applicant is accepted the normal way', () => {
    expect(measureChoice({ ...trustworthy, allowedModes: [...trustworthy.allowedModes] }, 'NORMAL', true)).toEqual({
      restriction: false,
      skipped: ['GREEN_CHANNEL', 'NOTIFY_AND_COMMIT'],
    });
  });

  it('skips nothing when one incentive is applied: they are alternatives', () => {
    expect(measureChoice({ ...trustworthy, allowedModes: [...trustworthy.allowedModes] }, 'GREEN_CHANNEL', true).skipped).toEqual([]);
  });

  it('proposes nothing to an applicant with only the normal mode', () => {
    expect(measureChoice({ level: 'NORMAL', jointPunished: false, allowedModes: ['NORMAL'] }, 'NORMAL', true).skipped).toEqual([]);
  });

  it('requires a reason only when the stricter review of a dishonest applicant is declined', () => {
    const dishonest = { level: 'DISHONEST' as const, jointPunished: false, allowedModes: ['NORMAL' as const] };
    expect(measureChoice(dishonest, 'NORMAL', true)).toEqual({ restriction: true, skipped: [] });
    expect(measureChoice(dishonest, 'NORMAL', false)).toEqual({ restriction: true, skipped: ['STRICTER_REVIEW'] });
    expect(measureChoice({ level: 'TRUSTWORTHY', jointPunished: true, allowedModes: ['NORMAL'] }, 'NORMAL', false).restriction).toBe(true);
  });
});
