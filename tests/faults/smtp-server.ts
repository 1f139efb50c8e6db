// A real SMTP server on 127.0.0.1 for tests: takes every message and hands its raw bytes over.
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export type TestSmtpServer = { port: number; close(): Promise<void> };

export async function startSmtpServer(onMessage: (raw: Buffer) => void, port = 0): Promise<TestSmtpServer> {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        onMessage(Buffer.concat(chunks));
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    port: (server.server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
