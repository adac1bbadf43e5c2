import { describe, expect, it } from 'vitest';

import { isMessageKind, messageLink } from './messages';

describe('message links', () => {
  it('leads to the application when there is one', () => {
    expect(messageLink({ kind: 'PUSH', applicationId: '12' })).toBe('/applications/12');
    expect(messageLink({ kind: 'FEEDBACK', applicationId: '7' })).toBe('/applications/7');
  });
  it('leads to the inbox tab otherwise', () => {
    expect(messageLink({ kind: 'SUMMARY', applicationId: null })).toBe('/inbox?tab=summaries');
    expect(messageLink({ kind: 'FEEDBACK' })).toBe('/inbox?tab=feedback');
    expect(messageLink({ kind: 'CARD' })).toBe('/inbox');
  });
  it('knows which events are messages', () => {
    expect(isMessageKind('PUSH')).toBe(true);
    expect(isMessageKind('RESYNC')).toBe(false);
  });
});
