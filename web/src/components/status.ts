import type { ApplicationStatus } from '@/graphql/graphql';

export const STATUS_COLOR: Record<ApplicationStatus, string> = {
  SUBMITTED: 'default',
  ACCEPTED: 'processing',
  APPROVED: 'success',
  REFUSED: 'error',
};
