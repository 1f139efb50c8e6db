// A TCP proxy on 127.0.0.1 between the app and a real server, for fault tests: it forwards,
// refuses (connections reset at once), black-holes (accepts and forwards nothing, as a hung
// database or a dead network path does), or delays every chunk, and heals on request.
import net from 'node:net';

export type ProxyMode = 'forward' | 'refuse' | 'blackhole' | { delayMs: number };

export type TcpProxy = {
  port: number;
  setMode(mode: ProxyMode): void;
  /** Connections open now (both directions count as one). */
  connections(): number;
  close(): Promise<void>;
};

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  let mode: ProxyMode = 'forward';
  const open = new Set<{ client: net.Socket; upstream: net.Socket }>();

  const relay = (from: net.Socket, to: net.Socket) => {
    from.on('data', (chunk) => {
      if (mode === 'blackhole') return; // swallowed: the peer waits for an answer that never comes
      if (typeof mode === 'object') {
        from.pause();
        setTimeout(() => {
          if (!to.destroyed) to.write(chunk);
          from.resume();
        }, mode.delayMs);
        return;
      }
      if (!to.destroyed) to.write(chunk);
    });
  };

  const server = net.createServer((client) => {
    if (mode === 'refuse') {
      client.resetAndDestroy();
      return;
    }
    const upstream = net.connect(target.port, target.host);
    const pair = { client, upstream };
    open.add(pair);
    const end = () => {
      open.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    client.on('error', end).on('close', end);
    upstream.on('error', end).on('close', end);
    relay(client, upstream);
    relay(upstream, client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;

  return {
    port,
    setMode(next) {
      mode = next;
      // Refusing means the database went away: what was connected is cut as well.
      if (next === 'refuse') for (const { client } of open) client.resetAndDestroy();
    },
    connections: () => open.size,
    close: () =>
      new Promise((resolve) => {
        for (const { client, upstream } of open) {
          client.destroy();
          upstream.destroy();
        }
        server.close(() => resolve());
      }),
  };
}
