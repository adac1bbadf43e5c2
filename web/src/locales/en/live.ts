import type { Messages } from '@/locales/types';

const live: Messages['live'] = {
  newPush: 'New push received',
  newFeedback: 'New supervision feedback received',
  newSummary: 'New monthly summary received',
  newRedCard: 'A red card was raised on this department',
  newCredit: "An open application's applicant changed credit level",
  status: { connecting: 'Connecting to live updates', live: 'Live', reconnecting: 'Live updates lost, reconnecting' },
};

export default live;
