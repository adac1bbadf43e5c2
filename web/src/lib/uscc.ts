// Unified social credit code (GB 32100-2015): 18 characters over a 31-symbol alphabet, the
// last a mod-31 check character. The server checks the same; checking here saves a round trip.
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;
const SHAPE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

export function usccCheckChar(first17: string): string {
  let total = 0;
  WEIGHTS.forEach((weight, i) => {
    total += ALPHABET.indexOf(first17.charAt(i)) * weight;
  });
  return ALPHABET.charAt((31 - (total % 31)) % 31);
}

export type UsccProblem = 'length' | 'characters' | 'checkDigit';

export function usccProblem(code: string): UsccProblem | null {
  if (code.length !== 18) return 'length';
  if (!SHAPE.test(code)) return 'characters';
  if (usccCheckChar(code.slice(0, 17)) !== code.charAt(17)) return 'checkDigit';
  return null;
}
