import { describe, expect, it } from 'vitest';

import { joinRange, splitRange, todayInChina } from './dateRange';

describe('date range text', () => {
  it('round-trips both ends', () => {
    expect(splitRange(joinRange('2026-12-01', '2026-12-02'))).toEqual({ since: '2026-12-01', until: '2026-12-02' });
  });
  it('keeps an open end open', () => {
    expect(joinRange('2026-12-01', null)).toBe('2026-12-01~');
    expect(splitRange('~2026-12-02')).toEqual({ since: null, until: '2026-12-02' });
  });
  it('is empty without dates', () => {
    expect(joinRange(null, '')).toBe('');
    expect(splitRange('')).toEqual({ since: null, until: null });
  });
  it('drops malformed ends', () => {
    expect(splitRange('12/01/2026~2026-13')).toEqual({ since: null, until: null });
  });
});

describe('todayInChina', () => {
  it('uses the Shanghai date, not UTC', () => {
    expect(todayInChina(new Date('2026-11-25T17:30:00Z'))).toBe('2026-11-26');
    expect(todayInChina(new Date('2026-11-25T15:30:00Z'))).toBe('2026-11-25');
  });
});
