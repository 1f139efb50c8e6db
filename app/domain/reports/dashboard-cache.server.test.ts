import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Dashboard } from './dashboard.server';
import { DASHBOARD_SECONDS, forgetDashboards, keptDashboard } from './dashboard-cache.server';

const view = (sessions: number) => ({ sessions }) as Dashboard;

afterEach(() => {
  forgetDashboards();
  vi.useRealTimers();
});

describe('dashboards kept for a minute', () => {
  it('views arriving together share one count; a view a minute later counts again', async () => {
    const count = vi.fn(async () => view(7));
    const [a, b] = await Promise.all([keptDashboard('x', count), keptDashboard('x', count)]);
    expect(a).toBe(b);
    expect(count).toHaveBeenCalledTimes(1);
    vi.setSystemTime(Date.now() + DASHBOARD_SECONDS * 1000 + 1);
    await keptDashboard('x', count);
    expect(count).toHaveBeenCalledTimes(2);
  });

  it('a failed count is not kept', async () => {
    const failing = vi.fn(async (): Promise<Dashboard> => {
      throw new Error('database hang');
    });
    await expect(keptDashboard('y', failing)).rejects.toThrow('database hang');
    const count = vi.fn(async () => view(3));
    expect((await keptDashboard('y', count)).sessions).toBe(3);
    expect(count).toHaveBeenCalledTimes(1);
  });

  it('forgetting drops every view, and few views are kept at once', async () => {
    const count = vi.fn(async () => view(1));
    for (let i = 0; i < 100; i++) await keptDashboard(`v${i}`, count);
    // The newest are kept, the oldest were forgotten.
    await keptDashboard('v99', count);
    expect(count).toHaveBeenCalledTimes(100);
    await keptDashboard('v0', count);
    expect(count).toHaveBeenCalledTimes(101);
    forgetDashboards();
    await keptDashboard('v99', count);
    expect(count).toHaveBeenCalledTimes(102);
  });
});
