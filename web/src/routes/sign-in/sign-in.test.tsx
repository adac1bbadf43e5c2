import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { memoryTransport, renderAt } from '@/test/render';

import SignInPage, { safeNext } from '.';

const routes = [
  { path: '/sign-in', element: <SignInPage /> },
  { path: '/matters', element: <p>matters page</p> },
];

function respondWith(body: unknown) {
  const fetchMock = vi.fn(async () => new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } }));
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('sign-in page', () => {
  it('checks the form before sending anything', async () => {
    const fetchMock = respondWith({});
    renderAt('/sign-in', routes, memoryTransport());
    await userEvent.click(await screen.findByRole('button', { name: '登录' }));
    expect(await screen.findByText('请输入用户名')).toBeInTheDocument();
    expect(screen.getByText('请输入密码')).toBeInTheDocument();
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('shows the server refusal next to the password field', async () => {
    respondWith({
      data: {
        signIn: {
          __typename: 'ValidationErrors',
          errors: [{ __typename: 'FieldError', field: 'password', code: 'BAD_CREDENTIALS', message: '用户名或密码不正确' }],
        },
      },
    });
    const router = renderAt('/sign-in', routes, memoryTransport());
    await userEvent.type(await screen.findByLabelText('用户名'), 'spj_clerk');
    await userEvent.type(screen.getByLabelText('密码'), 'wrong');
    await userEvent.click(screen.getByRole('button', { name: '登录' }));
    const message = await screen.findByText('用户名或密码不正确');
    expect(message.closest('.ant-form-item')).toHaveTextContent('密码');
    expect(router.state.location.pathname).toBe('/sign-in');
  });

  it('keeps the session and continues to the page that was asked for', async () => {
    const fetchMock = respondWith({
      data: {
        signIn: {
          __typename: 'SignInPayload',
          username: 'spj_clerk',
          displayName: '审批局 李娜',
          departmentId: '1',
          mustChangePassword: false,
        },
      },
    });
    const router = renderAt('/sign-in?next=%2Fmatters', routes, memoryTransport());
    await userEvent.type(await screen.findByLabelText('用户名'), '  spj_clerk ');
    await userEvent.type(screen.getByLabelText('密码'), 'Demo@2026');
    await userEvent.keyboard('{Enter}');
    expect(await screen.findByText('matters page')).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/matters');
    const init = (fetchMock.mock.calls[0] as unknown as [string, RequestInit])[1];
    // The session travels as the HttpOnly cookie the server set: nothing kept by the page.
    expect(init.credentials).toBe('same-origin');
    expect(JSON.stringify(window.sessionStorage) + JSON.stringify(window.localStorage)).not.toContain('token');
    const body = JSON.parse(String(init.body));
    expect(body.variables).toEqual({ username: 'spj_clerk', password: 'Demo@2026' });
  });
});

describe('safeNext', () => {
  it('follows only paths of this app', () => {
    expect(safeNext('/applications/1')).toBe('/applications/1');
    expect(safeNext('//evil.example/x')).toBe('/');
    expect(safeNext('https://evil.example/')).toBe('/');
    expect(safeNext('/sign-in?next=/x')).toBe('/');
    expect(safeNext(null)).toBe('/');
  });
});
