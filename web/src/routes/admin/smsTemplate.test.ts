import { describe, expect, it } from 'vitest';

import { renderPreview, templateProblem } from './smsTemplate';

const samples = [
  { name: 'applicant', sample: '资江食品' },
  { name: 'what', sample: '认领' },
];

describe('templateProblem', () => {
  it('accepts known placeholders and doubled braces', () => {
    expect(templateProblem('{applicant}超过{what}期限 {{注意}}', ['applicant', 'what'])).toBeNull();
  });

  it('names unknown placeholders once each', () => {
    expect(templateProblem('{who}{what}{who}', ['applicant', 'what'])).toEqual({ kind: 'unknown', names: ['who'] });
  });

  it('refuses stray braces', () => {
    expect(templateProblem('{applicant 超期', ['applicant'])).toEqual({ kind: 'unbalanced' });
    expect(templateProblem('超期}', ['applicant'])).toEqual({ kind: 'unbalanced' });
  });
});

describe('renderPreview', () => {
  it('fills samples and keeps unknown placeholders visible', () => {
    expect(renderPreview('【审管联动】{applicant}超过{what}期限，{x}', samples)).toBe('【审管联动】资江食品超过认领期限，{x}');
  });

  it('has no preview for a malformed text', () => {
    expect(renderPreview('{applicant', samples)).toBeNull();
  });
});
