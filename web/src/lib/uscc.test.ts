import { describe, expect, it } from 'vitest';

import { usccCheckChar, usccProblem } from './uscc';

describe('unified social credit code', () => {
  it('computes the GB 32100 check character of a known code', () => {
    // 91350100M000100Y43 is the standard's published example.
    expect(usccCheckChar('91350100M000100Y4')).toBe('3');
  });

  it('accepts a code whose check character matches', () => {
    const code = `91430900MA4L00001${usccCheckChar('91430900MA4L00001')}`;
    expect(usccProblem(code)).toBeNull();
  });

  it('names what is wrong with a bad code', () => {
    expect(usccProblem('914309')).toBe('length');
    expect(usccProblem('91430900MA4L0000IO')).toBe('characters');
    const good = `91430900MA4L00001${usccCheckChar('91430900MA4L00001')}`;
    const wrong = good.slice(0, 17) + (good.endsWith('0') ? '1' : '0');
    expect(usccProblem(wrong)).toBe('checkDigit');
  });
});
