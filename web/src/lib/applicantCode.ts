import { usccProblem } from './uscc';

// Resident identity number (GB 11643-1999): 17 digits and an ISO 7064 MOD 11-2 check character.
// The server also checks the region code against the national table (python-stdnum).
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const ID_CHECK = '10X98765432';
const ID_SHAPE = /^\d{17}[\dX]$/;

export function idCheckChar(first17: string): string {
  let total = 0;
  ID_WEIGHTS.forEach((weight, i) => {
    total += Number(first17.charAt(i)) * weight;
  });
  return ID_CHECK.charAt(total % 11);
}

export type IdNumberProblem = 'idFormat' | 'idBirthDate' | 'idCheckDigit';

export function idNumberProblem(number: string, today: Date = new Date()): IdNumberProblem | null {
  if (!ID_SHAPE.test(number)) return 'idFormat';
  const year = Number(number.slice(6, 10));
  const month = Number(number.slice(10, 12));
  const day = Number(number.slice(12, 14));
  const born = new Date(Date.UTC(year, month - 1, day));
  if (born.getUTCFullYear() !== year || born.getUTCMonth() !== month - 1 || born.getUTCDate() !== day || born > today) return 'idBirthDate';
  if (idCheckChar(number.slice(0, 17)) !== number.charAt(17)) return 'idCheckDigit';
  return null;
}

export type ApplicantKindGuess = 'LEGAL_PERSON' | 'NATURAL_PERSON';

export type ApplicantCodeProblem = IdNumberProblem | 'uscc' | 'usccCheckDigit';

/**
 * Which identifier the applicant's code is, and what is wrong with it: 17 digits and a digit or
 * X is read as a resident ID number; anything else as a unified social credit code. A valid ID
 * number wins; an all-digit code that is a valid USCC but not a valid ID number is a USCC.
 */
export function classifyApplicantCode(raw: string): { kind: ApplicantKindGuess; problem: ApplicantCodeProblem | null } {
  const code = raw.trim().toUpperCase();
  const idProblem = idNumberProblem(code);
  if (idProblem === null) return { kind: 'NATURAL_PERSON', problem: null };
  const uscc = usccProblem(code);
  if (uscc === null) return { kind: 'LEGAL_PERSON', problem: null };
  if (ID_SHAPE.test(code)) return { kind: 'NATURAL_PERSON', problem: idProblem };
  return { kind: 'LEGAL_PERSON', problem: uscc === 'checkDigit' ? 'usccCheckDigit' : 'uscc' };
}
