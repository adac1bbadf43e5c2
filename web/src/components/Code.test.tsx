import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { Code, TextWithCodes } from './Code';

describe('Code', () => {
  it('marks an identifier with data-code', () => {
    const { container } = render(<Code>91430900MA4L00002Y</Code>);
    const marked = container.querySelectorAll('[data-code]');
    expect(marked).toHaveLength(1);
    expect(marked[0]).toHaveTextContent('91430900MA4L00002Y');
  });

  it('renders nothing for an empty code', () => {
    const { container } = render(<Code>{''}</Code>);
    expect(container.querySelector('[data-code]')).toBeNull();
  });
});

describe('TextWithCodes', () => {
  it('marks only the codes inside a sent text, every occurrence', () => {
    const text = '【审管联动】某公司的“食品经营许可”已办结，监管码7KQ2M9XA；复核请报7KQ2M9XA。';
    const { container } = render(<TextWithCodes text={text} codes={['7KQ2M9XA', null]} />);
    const marked = [...container.querySelectorAll('[data-code]')].map((e) => e.textContent);
    expect(marked).toEqual(['7KQ2M9XA', '7KQ2M9XA']);
    expect(container).toHaveTextContent(text);
  });

  it('leaves a text without codes plain', () => {
    const { container } = render(<TextWithCodes text="无监管码的提醒" codes={[undefined]} />);
    expect(container.querySelector('[data-code]')).toBeNull();
    expect(container).toHaveTextContent('无监管码的提醒');
  });
});
