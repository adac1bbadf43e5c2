import { describe, expect, it } from 'vitest';

import { pageRows, pageWindow, parsePage } from './pagination';

describe('server pagination', () => {
  it('asks for one row more than a page, at the page offset', () => {
    expect(pageWindow(1, 20)).toEqual({ first: 21, offset: 0 });
    expect(pageWindow(3, 20)).toEqual({ first: 21, offset: 40 });
  });

  it('treats a nonsense page as the first', () => {
    expect(pageWindow(0, 10)).toEqual({ first: 11, offset: 0 });
    expect(parsePage('abc')).toBe(1);
    expect(parsePage('-2')).toBe(1);
    expect(parsePage('4')).toBe(4);
  });

  it('shows a page and knows whether there is a next one', () => {
    expect(pageRows([1, 2, 3], 2)).toEqual({ rows: [1, 2], hasNext: true });
    expect(pageRows([1, 2], 2)).toEqual({ rows: [1, 2], hasNext: false });
    expect(pageRows(undefined, 2)).toEqual({ rows: [], hasNext: false });
  });
});
