import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Form, Input } from 'antd';
import { createMemoryRouter, RouterProvider } from 'react-router-dom';
import { describe, expect, it } from 'vitest';

import { AppConfig } from '@/app/AppConfig';

import { useListParams } from './pagination';
import { QueryForm } from './QueryForm';

const KEYS = ['code', 'applicant'] as const;

/** Navigations not yet rendered: the router renders a URL change in a transition, later than the
 * click, and a user may type in between. */
const pending: (() => void)[] = [];

function List({ later = false }: { later?: boolean }) {
  const { filters, setFilters } = useListParams(KEYS);
  const search = (v: Partial<Record<(typeof KEYS)[number], string>>) => (later ? pending.push(() => setFilters(v)) : setFilters(v));
  return (
    <QueryForm values={filters} onSearch={search} testId="query">
      <Form.Item name="code" label="监管码">
        <Input />
      </Form.Item>
      <Form.Item name="applicant" label="申请人">
        <Input />
      </Form.Item>
    </QueryForm>
  );
}

function renderList(path: string, later = false) {
  const router = createMemoryRouter([{ path: '/list', element: <List later={later} /> }], { initialEntries: [path] });
  render(
    <AppConfig>
      <RouterProvider router={router} />
    </AppConfig>,
  );
  return router;
}

const field = (label: string) => screen.getByLabelText<HTMLInputElement>(label);

describe('QueryForm', () => {
  it('starts from the URL and writes a search into it, trimmed', async () => {
    const router = renderList('/list?applicant=%E6%B9%98%E6%B1%9F');
    expect(field('申请人').value).toBe('湘江');
    await userEvent.type(field('监管码'), '  7kq2 m9xa ');
    await userEvent.click(screen.getByRole('button', { name: /查\s*询/ }));
    expect(router.state.location.search).toBe('?applicant=%E6%B9%98%E6%B1%9F&code=7kq2+m9xa');
  });

  it('keeps what is typed while its own search is still on the way to the URL', async () => {
    const router = renderList('/list', true);
    await userEvent.type(field('监管码'), 'ABCD1234');
    await userEvent.click(screen.getByRole('button', { name: /查\s*询/ }));
    // The next search is typed before the first one's URL renders: that URL must not write
    // the old value back over it.
    await userEvent.clear(field('监管码'));
    await userEvent.type(field('监管码'), 'WXYZ');
    act(() => pending.shift()?.());
    expect(router.state.location.search).toBe('?code=ABCD1234');
    expect(field('监管码').value).toBe('WXYZ');
  });

  it('follows a URL changed elsewhere (the back button, a link)', async () => {
    const router = renderList('/list?code=ABCD1234');
    expect(field('监管码').value).toBe('ABCD1234');
    await act(() => router.navigate('/list?applicant=%E6%B9%98%E6%B1%9F'));
    expect(field('监管码').value).toBe('');
    expect(field('申请人').value).toBe('湘江');
  });

  it('empties every field and the URL on 重置, even fields the page opened with', async () => {
    const router = renderList('/list?code=ABCD1234&applicant=%E6%B9%98%E6%B1%9F');
    await userEvent.click(screen.getByRole('button', { name: /重\s*置/ }));
    expect(router.state.location.search).toBe('');
    expect(field('监管码').value).toBe('');
    expect(field('申请人').value).toBe('');
  });
});
