import type { TFunction } from 'i18next';

import { usccProblem } from '@/lib/uscc';

/** An Ant Design form rule: a well-formed unified social credit code (check digit included). */
export function usccRule(t: TFunction) {
  return {
    validator: async (_: unknown, value: string | undefined) => {
      if (!value) return;
      const problem = usccProblem(value.trim().toUpperCase());
      if (problem) throw new Error(problem === 'checkDigit' ? t('subjects.creditCodeCheckDigit') : t('subjects.creditCodeFormat'));
    },
  };
}
