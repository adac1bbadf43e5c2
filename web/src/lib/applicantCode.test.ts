import { describe, expect, it } from 'vitest';

import { classifyApplicantCode, idCheckChar, idNumberProblem } from './applicantCode';

describe('idNumberProblem', () => {
  it('accepts a published example and refuses a wrong check character', () => {
    expect(idNumberProblem('11010519491231002X')).toBeNull();
    expect(idNumberProblem('110105194912310021')).toBe('idCheckDigit');
  });

  it('refuses an impossible or future birth date', () => {
    const feb30 = '43090219900230001';
    expect(idNumberProblem(feb30 + idCheckChar(feb30))).toBe('idBirthDate');
    const future = '43090220990101001';
    expect(idNumberProblem(future + idCheckChar(future), new Date('2026-12-01'))).toBe('idBirthDate');
  });
});

describe('classifyApplicantCode', () => {
  it('reads a valid ID number as a natural person and a USCC as a legal person', () => {
    expect(classifyApplicantCode(' 11010519491231002x ')).toEqual({ kind: 'NATURAL_PERSON', problem: null });
    expect(classifyApplicantCode('91350100M000100Y43')).toEqual({ kind: 'LEGAL_PERSON', problem: null });
  });

  it('names the problem of whichever identifier the code looks like', () => {
    expect(classifyApplicantCode('110105194912310021')).toEqual({ kind: 'NATURAL_PERSON', problem: 'idCheckDigit' });
    expect(classifyApplicantCode('91350100M000100Y44')).toEqual({ kind: 'LEGAL_PERSON', problem: 'usccCheckDigit' });
    expect(classifyApplicantCode('9135')).toEqual({ kind: 'LEGAL_PERSON', problem: 'uscc' });
  });

  it('takes an all-digit code that is a valid USCC but no valid ID number as a USCC', () => {
    expect(classifyApplicantCode('914403001922038216')).toEqual({ kind: 'LEGAL_PERSON', problem: null });
  });
});
