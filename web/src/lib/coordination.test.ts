import { describe, expect, it } from 'vitest';

import { accessFrom } from '@/providers/access/access';
import { meWith } from '@/test/policy';

import {
  actionFieldErrors,
  attachmentProblem,
  canCompleteAction,
  canEditMeeting,
  canFollowUp,
  fileToBase64,
  localInputToServer,
  smsKind,
  smsSender,
  splitDuration,
} from './coordination';

const head = (dept: string) => accessFrom(meWith(['department_head'], dept));

describe('meeting rights', () => {
  it('lets only a writer of the convening department edit', () => {
    expect(canEditMeeting(head('7'), '7')).toBe(true);
    expect(canEditMeeting(head('8'), '7')).toBe(false);
    expect(canEditMeeting(accessFrom(meWith(['supervision_liaison'], '7')), '7')).toBe(false);
    expect(canEditMeeting(accessFrom(null), '7')).toBe(false);
  });

  it('lets the owner or the convener follow up an open decision', () => {
    const open = { status: 'OPEN', owner: { id: '3' } };
    expect(canFollowUp(head('3'), open, '7')).toBe(true);
    expect(canFollowUp(head('7'), open, '7')).toBe(true);
    expect(canFollowUp(head('5'), open, '7')).toBe(false);
    expect(canFollowUp(head('3'), { ...open, status: 'DONE' }, '7')).toBe(false);
  });
});

describe('localInputToServer', () => {
  it('reads a datetime-local value as the local time the app shows', () => {
    expect(localInputToServer('2026-12-03T09:30')).toBe(new Date(2026, 11, 3, 9, 30).toISOString());
    expect(localInputToServer('2026-12-03T09:30:15')).toBe(new Date(2026, 11, 3, 9, 30, 15).toISOString());
    expect(new Date(localInputToServer('2026-12-03T09:30') ?? '').getHours()).toBe(9);
  });

  it('refuses what is not a real moment', () => {
    expect(localInputToServer('')).toBeNull();
    expect(localInputToServer('2026-02-30T09:00')).toBeNull();
    expect(localInputToServer('2026-12-03T24:00')).toBeNull();
    expect(localInputToServer('2026-12-03 09:00')).toBeNull();
  });
});

describe('splitDuration', () => {
  it('splits into days, hours and minutes', () => {
    expect(splitDuration(0)).toEqual({ d: 0, h: 0, m: 0 });
    expect(splitDuration(59)).toEqual({ d: 0, h: 0, m: 0 });
    expect(splitDuration(2 * 86400 + 3 * 3600 + 4 * 60 + 5)).toEqual({ d: 2, h: 3, m: 4 });
    expect(splitDuration(-5)).toEqual({ d: 0, h: 0, m: 0 });
  });
});

describe('smsKind', () => {
  it('tells the kind from the message key', () => {
    expect(smsKind('push:42')).toBe('PUSH');
    expect(smsKind('overdue:42:2026-03-02')).toBe('OVERDUE');
    expect(smsKind('card:7:head')).toBe('CARD');
    expect(smsKind('something')).toBe('OTHER');
  });
});

describe('smsSender', () => {
  it('names the development and the provider channel, anything else as other', () => {
    expect(smsSender('dev')).toBe('dev');
    expect(smsSender('http')).toBe('http');
    expect(smsSender('carrier-x')).toBe('other');
  });
});

describe('attachments', () => {
  it('accepts PDF, PNG and JPEG up to 10 MB', () => {
    expect(attachmentProblem({ size: 1000, type: 'application/pdf' })).toBeNull();
    expect(attachmentProblem({ size: 10 * 1024 * 1024 + 1, type: 'application/pdf' })).toBe('TOO_LARGE');
    expect(attachmentProblem({ size: 1000, type: 'text/plain' })).toBe('TYPE');
  });

  it('encodes a file as base64, also past one chunk', async () => {
    const file = (bytes: Uint8Array) => ({ arrayBuffer: async () => bytes.slice().buffer });
    expect(await fileToBase64(file(new Uint8Array([0x25, 0x50, 0x44, 0x46])))).toBe('JVBERg==');
    const large = Uint8Array.from({ length: 0x8000 * 2 + 5 }, (_, i) => (i * 7) % 256);
    expect(await fileToBase64(file(large))).toBe(Buffer.from(large).toString('base64'));
  });
});

describe('escalation actions', () => {
  const ownerHead = head('7');
  const liaison = accessFrom(meWith(['supervision_liaison'], '7'));
  const office = accessFrom(meWith(['coordination_office'], '1'));
  const manual = { state: 'OPEN', kind: 'RECTIFICATION', owner: { id: '7' } };

  it('lets the owner department and the office mark a manual action done, nobody a 修订清单 one', () => {
    expect(canCompleteAction(ownerHead, manual)).toBe(true);
    expect(canCompleteAction(office, manual)).toBe(true);
    expect(canCompleteAction(liaison, manual)).toBe(false);
    expect(canCompleteAction(head('8'), manual)).toBe(false);
    expect(canCompleteAction(office, { ...manual, kind: 'REVISE_LIST' })).toBe(false);
    expect(canCompleteAction(ownerHead, { ...manual, state: 'DONE' })).toBe(false);
  });

  it('places the server errors of each action on its Form.List fields', () => {
    const { placed, rest } = actionFieldErrors([
      { field: 'actions.1.dueOn', message: '完成时限不能早于今天' },
      { field: 'actions.0.linkageIds.2', message: '联动事项不在已发布的清单中' },
      { field: 'decision', message: '不能为空' },
    ]);
    expect(placed).toEqual([
      { name: ['actions', 1, 'dueOn'], errors: ['完成时限不能早于今天'] },
      { name: ['actions', 0, 'linkageIds'], errors: ['联动事项不在已发布的清单中'] },
    ]);
    expect(rest).toEqual([{ field: 'decision', message: '不能为空' }]);
  });
});
