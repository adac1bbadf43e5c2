import { describe, expect, it } from 'vitest';

import { nextRevision, reconnectDelay } from './reconnect';

describe('reconnectDelay', () => {
  it('doubles from one second and stops growing at thirty', () => {
    const none = () => 0;
    expect([0, 1, 2, 3, 4, 5, 6, 10].map((n) => reconnectDelay(n, none))).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000]);
  });

  it('adds at most a fifth as jitter', () => {
    expect(reconnectDelay(0, () => 0.999)).toBe(1200);
    expect(reconnectDelay(5, () => 0.5)).toBe(33000);
  });
});

describe('nextRevision', () => {
  it('moves only the counter of the event kind', () => {
    const start = { push: 0, feedback: 0 };
    expect(nextRevision(start, 'PUSH')).toEqual({ push: 1, feedback: 0 });
    expect(nextRevision(nextRevision(start, 'FEEDBACK'), 'FEEDBACK')).toEqual({ push: 0, feedback: 2 });
  });

  it('refreshes the push readers when a red card is raised on the department', () => {
    expect(nextRevision({ push: 2, feedback: 1 }, 'CARD')).toEqual({ push: 3, feedback: 1 });
  });

  it('moves every counter when the server says it may have missed events', () => {
    expect(nextRevision({ push: 3, feedback: 1 }, 'RESYNC')).toEqual({ push: 4, feedback: 2, credit: 1 });
  });

  it('counts credit-change notices apart, from zero when the counter is new', () => {
    expect(nextRevision({ push: 2, feedback: 1 }, 'CREDIT')).toEqual({ push: 2, feedback: 1, credit: 1 });
    expect(nextRevision({ push: 0, feedback: 0, credit: 4 }, 'CREDIT')).toEqual({ push: 0, feedback: 0, credit: 5 });
  });

  it('ignores kinds it does not know', () => {
    const start = { push: 3, feedback: 1 };
    expect(nextRevision(start, 'SOMETHING_NEW')).toBe(start);
  });
});
