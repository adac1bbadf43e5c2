import { describe, expect, it } from 'vitest';

import { departmentOption, isEmpty, monthLabel, monthOption, percent, sortDepartments, type Figures } from './chartOptions';

const LABELS = {
  pushesSent: 'sent',
  pushesReceived: 'received',
  overdue: 'overdue',
  claimRate: 'claim',
  onTimeFeedbackRate: 'on time',
  creditCheckRate: 'checked',
};

function row(over: Partial<Figures>): Figures {
  return {
    __typename: 'LinkageStatistics',
    since: '2026-01-01',
    until: '2026-01-31',
    department: null,
    linkagesInForce: 0,
    pushesSent: 0,
    pushesReceived: 0,
    receivedAtAcceptance: 0,
    receivedAtCompletion: 0,
    pushesClaimed: 0,
    claimsByMethod: [],
    claimRate: null,
    claimsDue: 0,
    claimedOnTime: 0,
    claimedLate: 0,
    claimOnTimeRate: null,
    feedbackLimited: 0,
    feedbackDue: 0,
    feedbackOnTime: 0,
    onTimeFeedbackRate: null,
    closedLate: 0,
    overdue: 0,
    openOverdue: 0,
    abnormalResults: 0,
    acceptances: 0,
    acceptancesWithCreditCheck: 0,
    creditCheckRate: null,
    facilitationApplied: 0,
    facilitationSkipped: 0,
    abnormalFindings: 0,
    ...over,
  };
}

const dept = (id: string, shortName: string) => ({ __typename: 'Department' as const, id, name: `${shortName}全称`, shortName });

describe('statistics chart options', () => {
  it('turns rates into percentages with one decimal and keeps a missing rate as a gap', () => {
    expect(percent(2 / 3)).toBe(66.7);
    expect(percent(1)).toBe(100);
    expect(percent(0)).toBe(0);
    expect(percent(null)).toBeNull();
  });

  it('labels a month row by the month of its first day, even when the period starts mid-month', () => {
    expect(monthLabel({ since: '2026-03-15' })).toBe('2026-03');
  });

  it('orders departments by pushes sent and received, most first, then by name', () => {
    const rows = [
      row({ department: dept('1', '乙'), pushesSent: 1 }),
      row({ department: dept('2', '甲'), pushesReceived: 5 }),
      row({ department: dept('3', '丙'), pushesSent: 1 }),
    ];
    expect(sortDepartments(rows).map((r) => r.department?.id)).toEqual(['2', '3', '1']);
  });

  it('puts departments on the category axis, counts as bars and rates as lines on the percent axis', () => {
    const option = departmentOption(
      [
        row({ department: dept('7', '市审批局'), pushesSent: 10, overdue: 0 }),
        row({
          department: dept('9', '市卫健委'),
          pushesReceived: 12,
          pushesClaimed: 9,
          claimRate: 0.75,
          overdue: 2,
          onTimeFeedbackRate: 0.5,
        }),
      ],
      LABELS,
    );
    expect(option.xAxis).toMatchObject({ type: 'category', data: ['市卫健委', '市审批局'] });
    expect(option.series).toEqual([
      expect.objectContaining({ type: 'bar', name: 'sent', yAxisIndex: 0, data: [0, 10] }),
      expect.objectContaining({ type: 'bar', name: 'received', yAxisIndex: 0, data: [12, 0] }),
      expect.objectContaining({ type: 'bar', name: 'overdue', yAxisIndex: 0, data: [2, 0] }),
      expect.objectContaining({ type: 'line', name: 'claim', yAxisIndex: 1, data: [75, null] }),
      expect.objectContaining({ type: 'line', name: 'on time', yAxisIndex: 1, data: [50, null] }),
    ]);
  });

  it('keeps months in order and adds the credit-check rate', () => {
    const option = monthOption(
      [
        row({ since: '2026-01-01', pushesSent: 3, creditCheckRate: 1 }),
        row({ since: '2026-02-01', until: '2026-02-28' }),
        row({ since: '2026-03-01', until: '2026-03-10', pushesSent: 4, creditCheckRate: 0.25 }),
      ],
      LABELS,
    );
    expect(option.xAxis).toMatchObject({ data: ['2026-01', '2026-02', '2026-03'] });
    const series = option.series as { name: string; data: unknown[] }[];
    expect(series.map((s) => s.name)).toEqual(['sent', 'received', 'overdue', 'claim', 'on time', 'checked']);
    expect(series[0]?.data).toEqual([3, 0, 4]);
    expect(series[5]?.data).toEqual([100, null, 25]);
  });

  it('calls a period without pushes or acceptances empty', () => {
    expect(isEmpty([row({}), row({ linkagesInForce: 4 })])).toBe(true);
    expect(isEmpty([row({}), row({ acceptances: 1 })])).toBe(false);
    expect(isEmpty([])).toBe(true);
  });
});
