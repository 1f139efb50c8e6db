import { describe, expect, it } from 'vitest';
import * as healthz from '~/routes/healthz';
import * as readyz from '~/routes/readyz';

describe('health endpoints', () => {
  it('/healthz says the process is up and /readyz that the database answers', async () => {
    const up = healthz.loader();
    expect(up.status).toBe(200);
    expect(await up.text()).toBe('ok');
    const ready = await readyz.loader();
    expect(ready.status).toBe(200);
    expect(ready.headers.get('Cache-Control')).toBe('no-store');
  });
});
