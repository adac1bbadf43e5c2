import type { BarSeriesOption, LineSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components';
import type { ComposeOption } from 'echarts/core';

import type { StatisticsFiguresFragment } from '@/graphql/graphql';

/** Exactly the option parts the page registers (see EChart.tsx): anything else fails to compile. */
export type ChartOption = ComposeOption<
  BarSeriesOption | LineSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption
>;

export type Figures = StatisticsFiguresFragment;

/** The series names, translated by the page. */
export interface ChartLabels {
  pushesSent: string;
  pushesReceived: string;
  overdue: string;
  claimRate: string;
  onTimeFeedbackRate: string;
  creditCheckRate: string;
}

/** A rate (0…1, or null without a base) as a percentage with one decimal; null stays a gap. */
export function percent(rate: number | null | undefined): number | null {
  return rate == null ? null : Math.round(rate * 1000) / 10;
}

/** "2026-03" for a month row (its `since` is the first day of the month, or of the period). */
export function monthLabel(row: Pick<Figures, 'since'>): string {
  return row.since.slice(0, 7);
}

export function departmentLabel(row: Pick<Figures, 'department'>): string {
  const d = row.department;
  if (!d) return '';
  return d.shortName || d.name || d.id;
}

/** True when no row has any push or acceptance: the page shows its empty state instead. */
export function isEmpty(rows: readonly Figures[]): boolean {
  return rows.every((r) => r.pushesSent === 0 && r.pushesReceived === 0 && r.acceptances === 0);
}

/** Departments with the most pushes (sent and received) first; ties by label. */
export function sortDepartments(rows: readonly Figures[]): Figures[] {
  return [...rows].sort(
    (a, b) =>
      b.pushesSent + b.pushesReceived - (a.pushesSent + a.pushesReceived) || departmentLabel(a).localeCompare(departmentLabel(b), 'zh-CN'),
  );
}

const COUNT_AXIS = 0;
const RATE_AXIS = 1;

function counts(rows: readonly Figures[], labels: ChartLabels): BarSeriesOption[] {
  return [
    { type: 'bar', name: labels.pushesSent, yAxisIndex: COUNT_AXIS, data: rows.map((r) => r.pushesSent) },
    { type: 'bar', name: labels.pushesReceived, yAxisIndex: COUNT_AXIS, data: rows.map((r) => r.pushesReceived) },
    { type: 'bar', name: labels.overdue, yAxisIndex: COUNT_AXIS, data: rows.map((r) => r.overdue) },
  ];
}

function rate(name: string, values: (number | null)[]): LineSeriesOption {
  return { type: 'line', name, yAxisIndex: RATE_AXIS, data: values, connectNulls: false, symbolSize: 7 };
}

function frame(categories: string[], series: (BarSeriesOption | LineSeriesOption)[], rotate: number): ChartOption {
  return {
    animation: false,
    // Drawn on the canvas: the HTML tooltip writes inline style attributes, which the app's
    // Content-Security-Policy (style-src without 'unsafe-inline') refuses.
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, renderMode: 'richText' },
    legend: { top: 0 },
    grid: { left: 48, right: 56, top: 48, bottom: rotate ? 72 : 32, containLabel: false },
    xAxis: { type: 'category', data: categories, axisLabel: { rotate, interval: 0 } },
    yAxis: [
      { type: 'value', minInterval: 1, name: '' },
      { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' }, splitLine: { show: false } },
    ],
    series,
  };
}

/** Bars of pushes sent, received and overdue per department; claim and on-time rates as lines (%). */
export function departmentOption(rows: readonly Figures[], labels: ChartLabels): ChartOption {
  const sorted = sortDepartments(rows);
  return frame(
    sorted.map(departmentLabel),
    [
      ...counts(sorted, labels),
      rate(
        labels.claimRate,
        sorted.map((r) => percent(r.claimRate)),
      ),
      rate(
        labels.onTimeFeedbackRate,
        sorted.map((r) => percent(r.onTimeFeedbackRate)),
      ),
    ],
    sorted.length > 6 ? 30 : 0,
  );
}

/** Bars per month as above; claim, on-time feedback and credit-check rates as lines (%). */
export function monthOption(rows: readonly Figures[], labels: ChartLabels): ChartOption {
  return frame(
    rows.map(monthLabel),
    [
      ...counts(rows, labels),
      rate(
        labels.claimRate,
        rows.map((r) => percent(r.claimRate)),
      ),
      rate(
        labels.onTimeFeedbackRate,
        rows.map((r) => percent(r.onTimeFeedbackRate)),
      ),
      rate(
        labels.creditCheckRate,
        rows.map((r) => percent(r.creditCheckRate)),
      ),
    ],
    0,
  );
}
