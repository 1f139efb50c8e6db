// A full disk under the upload folder (issue 20): a small tmpfs, mounted when the test runs as
// root (CI does); elsewhere the test says why it did not run.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PGlite } from '@electric-sql/pglite';
import { db } from '~/db.server';
import { databaseState, isDatabaseUnavailable, noteDatabaseError } from '~/db/availability.server';
import { rereadEnv } from '~/env.server';
import * as editRoute from '~/routes/library.$slug.edit';
import * as newRoute from '~/routes/library.new';
import { textPdf } from '#tests/fixtures/pdf';
import { callAction, loginAs, makeRequest } from '#tests/helpers';

const ORIGIN = 'http://localhost:3000';
const canMount = process.getuid?.() === 0 && fs.existsSync('/bin/mount');
if (!canMount)
  console.warn('disk-full.test.ts: not root, cannot mount a small tmpfs; the full-disk test needs it.');

const mountPoint = path.join(os.tmpdir(), `tukiverkko-full-${process.pid}`);
let previousUploadDir: string | undefined;

describe.skipIf(!canMount)('uploads on a full disk', () => {
  beforeAll(() => {
    fs.mkdirSync(mountPoint, { recursive: true });
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', mountPoint]);
    previousUploadDir = process.env.UPLOAD_DIR;
    process.env.UPLOAD_DIR = mountPoint;
    rereadEnv();
  });
  afterAll(() => {
    process.env.UPLOAD_DIR = previousUploadDir;
    rereadEnv();
    execFileSync('umount', ['-l', mountPoint]);
    fs.rmSync(mountPoint, { recursive: true, force: true });
  });

  /** A multipart upload whose body arrives in two parts, 300 ms apart. */
  function slowUpload(url: string, bytes: Buffer, cookie: string) {
    const boundary = 'tukiverkko-slow-upload';
    const head = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="hidas.pdf"\r\n` +
        'Content-Type: application/pdf\r\n\r\n',
    );
    const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
    const half = 300 * 1024;
    const body = new ReadableStream<Uint8Array>({
      async start(controller) {
        controller.enqueue(new Uint8Array(Buffer.concat([head, bytes.subarray(0, half)])));
        await new Promise((resolve) => setTimeout(resolve, 300));
        controller.enqueue(new Uint8Array(Buffer.concat([bytes.subarray(half), tail])));
        controller.close();
      },
    });
    return new Request(url, {
      method: 'POST',
      body,
      headers: {
        Cookie: cookie,
        Origin: ORIGIN,
        'Content-Type': `multipart/form-data; boundary=${boundary}`,
      },
      duplex: 'half',
    } as RequestInit);
  }

  it('a file that does not fit answers 507 next to the field, leaves no partial file, and a small one works once space is back', async () => {
    const trainer = await loginAs('trainer');
    const created = await callAction(
      newRoute,
      makeRequest('/library/new', {
        cookie: trainer.cookie,
        form: {
          title: 'Ohje täydelle levylle',
          summary: 'Kokeilu',
          bodyText: 'Teksti',
          type: 'guide',
          level: '',
          topicTags: '',
          eserviceTags: '',
          audience: 'all',
          videoLinks: '',
          language: 'fi',
        },
      }),
    );
    expect(created.status).toBe(302);
    const slug = created.headers.get('Location')!.match(/^\/library\/([^/]+)\/edit/)![1]!;
    const upload = (bytes: Uint8Array, name: string) => {
      const form = new FormData();
      form.append('file', new Blob([new Uint8Array(bytes)], { type: 'application/pdf' }), name);
      return callAction(
        editRoute,
        new Request(`${ORIGIN}/library/${slug}/edit`, {
          method: 'POST',
          body: form,
          headers: { Cookie: trainer.cookie, Origin: ORIGIN },
        }),
        { slug },
      );
    };

    // Fill the disk but for ~100 KB, then send 600 KB.
    const filler = path.join(mountPoint, 'filler');
    fs.writeFileSync(filler, Buffer.alloc(900 * 1024));
    const big = Buffer.concat([textPdf(['Iso liite']), Buffer.alloc(600 * 1024, 0x20)]);
    const refused = await upload(big, 'iso.pdf');
    expect(refused.status).toBe(507);
    const body = (await refused.json()) as { errors: Record<string, { key: string }> };
    expect(body.errors.file?.key).toBe('errors.507.body');
    const partials = fs.existsSync(path.join(mountPoint, 'tmp'))
      ? fs.readdirSync(path.join(mountPoint, 'tmp'))
      : [];
    expect(partials).toEqual([]);
    expect(await db.upload.count({ where: { ownerId: trainer.user.id } })).toBe(0);

    // The same over a slow connection: the write fails while the rest of the request is still
    // on its way. That failure must be handled where it happens, not reported as an unhandled
    // rejection (which the server logs and an e2e run caught now and then).
    const unhandled: unknown[] = [];
    const note = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', note);
    try {
      const slow = await callAction(
        editRoute,
        slowUpload(`${ORIGIN}/library/${slug}/edit`, big, trainer.cookie),
        {
          slug,
        },
      );
      expect(slow.status).toBe(507);
      await new Promise((resolve) => setTimeout(resolve, 50));
    } finally {
      process.off('unhandledRejection', note);
    }
    expect(unhandled).toEqual([]);

    fs.rmSync(filler);
    const accepted = await upload(textPdf(['Pieni liite']), 'pieni.pdf');
    expect(accepted.status).toBe(200);
    expect(await db.upload.count({ where: { ownerId: trainer.user.id } })).toBe(1);
  });
});

describe.skipIf(!canMount)('the embedded database on a full disk', () => {
  const dbMount = path.join(os.tmpdir(), `tukiverkko-full-db-${process.pid}`);
  beforeAll(() => {
    fs.mkdirSync(dbMount, { recursive: true });
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=40m', 'tmpfs', dbMount]);
  });
  afterAll(() => {
    execFileSync('umount', ['-l', dbMount]);
    fs.rmSync(dbMount, { recursive: true, force: true });
  });

  it('a write fails with an error that answers 503, reads go on, and writes work again once space is back', async () => {
    const embedded = new PGlite(path.join(dbMount, 'db'));
    try {
      await embedded.exec('CREATE TABLE note (id serial PRIMARY KEY, body text)');
      const filler = path.join(dbMount, 'filler');
      try {
        fs.writeFileSync(filler, Buffer.alloc(64 * 1024 * 1024));
      } catch {
        // the disk is full now, as intended
      }
      const failed = await embedded
        .query(`INSERT INTO note (body) SELECT repeat('x', 100000) FROM generate_series(1, 100)`)
        .then(
          () => null,
          (error: unknown) => error,
        );
      expect(failed).not.toBeNull();
      expect(isDatabaseUnavailable(failed)).toBe(true); // the page answers 503, not 500
      noteDatabaseError(failed);
      expect(databaseState().up).toBe(true); // reads still work: not marked down
      expect((await embedded.query('SELECT count(*)::int AS n FROM note')).rows).toEqual([{ n: 0 }]);
      fs.rmSync(filler);
      await embedded.query(`INSERT INTO note (body) VALUES ('after')`);
      expect((await embedded.query('SELECT count(*)::int AS n FROM note')).rows).toEqual([{ n: 1 }]);
    } finally {
      await embedded.close();
    }
  });
});
