import { describe, expect, it } from 'vitest';

import { passwordStrongEnough } from './password';

describe('passwordStrongEnough', () => {
  it('asks for 8 characters from 3 of the 4 kinds, as the server does', () => {
    expect(passwordStrongEnough('Demo@2026')).toBe(true);
    expect(passwordStrongEnough('abcdEF12')).toBe(true);
    expect(passwordStrongEnough('abcdefgh')).toBe(false);
    expect(passwordStrongEnough('abcd1234')).toBe(false);
    expect(passwordStrongEnough('Ab1@')).toBe(false);
  });
});
