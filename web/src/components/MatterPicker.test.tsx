import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Client, makeResult, Provider, type Exchange, type OperationResult } from 'urql';
import { describe, expect, it, vi } from 'vitest';
import { filter, fromPromise, mergeMap, pipe } from 'wonka';

import { AppConfig } from '@/app/AppConfig';

import { MatterPicker } from './MatterPicker';

/** A server that answers each matter search only when the test says so. */
function slowServer() {
  const waiting: { keyword: string | null; answer: (names: string[]) => void }[] = [];
  const exchange: Exchange = () => (ops$) =>
    pipe(
      ops$,
      filter((op) => op.kind === 'query'),
      mergeMap((op) =>
        fromPromise(
          new Promise<OperationResult>((resolve) => {
            const keyword = (op.variables as { keyword?: string | null }).keyword ?? null;
            waiting.push({
              keyword,
              answer: (names) =>
                resolve(
                  makeResult(op, {
                    data: { matters: names.map((name, i) => ({ id: `m-${name}`, code: `M${i}`, name, department: null })) },
                  }),
                ),
            });
          }),
        ),
      ),
    );
  const client = new Client({ url: '/graphql', exchanges: [exchange] });
  /** Answers the newest search, which must be for `keyword`. */
  const answer = async (keyword: string | null, names: string[]) => {
    const pending = waiting.pop();
    expect(pending?.keyword).toBe(keyword);
    await act(async () => pending?.answer(names));
  };
  return { client, answer };
}

/** The option rows the dropdown shows (Ant Design also keeps a hidden list for screen readers). */
const shown = () => [...document.querySelectorAll('.ant-select-item-option-content')].map((e) => e.textContent ?? '');

describe('MatterPicker', () => {
  it('shows no options from the previous text while the typed one is being searched', async () => {
    const { client, answer } = slowServer();
    const onChange = vi.fn();
    render(
      <AppConfig>
        <Provider value={client}>
          <MatterPicker ariaLabel="办理事项" onChange={onChange} />
        </Provider>
      </AppConfig>,
    );
    await answer(null, ['食品经营许可', '建筑工程施工许可证核发']);
    const box = screen.getByRole('combobox', { name: '办理事项' });
    await userEvent.click(box);
    await waitFor(() => expect(shown()).toEqual(['食品经营许可（M0）', '建筑工程施工许可证核发（M1）']));

    await userEvent.type(box, '建');
    // The list for "" would be swapped under the pointer when the answer for 建 arrives.
    expect(shown()).toEqual([]);

    await answer('建', ['建筑工程施工许可证核发']);
    await waitFor(() => expect(shown()).toEqual(['建筑工程施工许可证核发（M0）']));
    await userEvent.click(screen.getByText('建筑工程施工许可证核发（M0）'));
    expect(onChange).toHaveBeenCalledWith('m-建筑工程施工许可证核发');
  });
});
