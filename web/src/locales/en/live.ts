import type { Messages } from '../types';

const live: Messages['live'] = {
  newPush: 'New push received',
  newFeedback: 'New supervision feedback received',
  newSummary: 'New monthly summary received',
  newCredit: "An open application's applicant changed credit level",
  status: { connecting: 'Connecting to live updates', live: 'Live', reconnecting: 'Live updates lost, reconnecting' },
};

export default live;
