// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api.ts';
import { MePage } from './me-page.tsx';

const responses = new Map<string, () => Promise<unknown>>();

vi.mock('../api.ts', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../api.ts')>()),
  api: (_method: string, path: string) => (responses.get(path) ?? (() => Promise.resolve({ items: [] })))(),
}));

// One session object, as the provider keeps it between renders.
const session = { user: { phone: '+8613800000000' }, requireUser: () => {}, signOut: () => {} };
vi.mock('../session.tsx', () => ({ useSession: () => session }));

// React's act() only settles effects in an environment that declares it.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let container: HTMLElement;
let root: Root;

beforeEach(() => {
  responses.clear();
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
});

afterEach(() => {
  act(() => root.unmount());
  container.remove();
});

async function renderMePage(): Promise<void> {
  await act(async () => {
    root.render(<MePage />);
  });
}

describe('the Me page', () => {
  it('says the orders could not be loaded when their request fails, instead of "no orders"', async () => {
    responses.set('/api/me/orders', () =>
      Promise.reject(new ApiError(503, 'HTTP_UNAVAILABLE', 'The server is not ready')),
    );
    await renderMePage();
    expect(container.querySelector('[data-testid="orders-failed"]')?.textContent).toContain(
      'The server is not ready',
    );
    expect(container.textContent).not.toContain('No orders yet.');
  });

  it('says "no orders" only when the server answered with none', async () => {
    await renderMePage();
    expect(container.textContent).toContain('No orders yet.');
    expect(container.querySelector('[role="alert"]')).toBeNull();
  });

  it('lists the orders the server returned', async () => {
    responses.set('/api/me/orders', () =>
      Promise.resolve({
        items: [
          {
            order_id: 'ord_1',
            appid: 'tt1',
            app_name: 'Noodle Bar',
            subject: 'Noodles',
            status: 'paid',
            total_amount: 3200,
            refunded_amount: 0,
            currency: 'CNY',
            created_at: '2026-12-01T00:00:00Z',
          },
        ],
      }),
    );
    await renderMePage();
    const order = container.querySelector('[data-testid="my-order"]');
    expect(order?.getAttribute('data-status')).toBe('paid');
    expect(order?.textContent).toContain('Noodles');
  });
});
