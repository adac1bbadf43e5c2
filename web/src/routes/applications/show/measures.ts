import type { CreditLevel, HandlingMode } from '@/graphql/graphql';

/** What the clerk's choice leaves unapplied of what the credit check proposes. */
export interface MeasureChoice {
  /** A dishonest or jointly punished applicant: stricter review is required unless declined. */
  restriction: boolean;
  /** Proposed measures not applied: each needs a reason (the server checks the same rule). */
  skipped: (HandlingMode | 'STRICTER_REVIEW')[];
}

/**
 * Mirrors the server's rule (api/approval/services/__init__.py `propose_measures`/`decide_measures`):
 * incentives are the allowed modes other than the normal one and are alternatives, so applying
 * any one skips none; the stricter review for a dishonest applicant is skipped only if declined.
 */
export function measureChoice(
  check: { level: CreditLevel; jointPunished: boolean; allowedModes: readonly HandlingMode[] },
  mode: HandlingMode,
  stricterReview: boolean,
): MeasureChoice {
  const restriction = check.level === 'DISHONEST' || check.jointPunished;
  if (restriction) return { restriction, skipped: stricterReview ? [] : ['STRICTER_REVIEW'] };
  const incentives: HandlingMode[] = check.allowedModes.filter((m) => m !== 'NORMAL');
  return { restriction, skipped: incentives.includes(mode) ? [] : incentives };
}
