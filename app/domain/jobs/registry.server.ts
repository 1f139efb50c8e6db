import { z } from 'zod';

// Every kind of background job, in one place: its name, the payload it carries (checked when it
// is queued and again when it runs, since a row may outlive the code that wrote it) and the key
// that refuses a duplicate. The handlers are listed in handlers.server.ts; queueing a job never
// loads them (handlers import the areas, the areas import the queue).

const id = z.uuid();

type Definition<P extends z.ZodType> = {
  payload: P;
  /**
   * The job's unique key: a second job with the same key is not created. Jobs without one are
   * safe to repeat by their own check (an e-mail already sent is not sent again).
   */
  key?: (payload: z.infer<P>, runAt: Date) => string;
};

const define = <P extends z.ZodType>(definition: Definition<P>) => definition;

export const JOBS = {
  /** One queued e-mail; "send again" after a failure queues a new round for the same e-mail. */
  'email.send': define({ payload: z.object({ emailId: id }) }),
  /** The nightly backup into BACKUP_DIR; it schedules the next one. */
  'backup.run': define({
    payload: z.object({}),
    key: (_, runAt) => `backup:${runAt.toISOString()}`,
  }),
  /** The daily digest run; it schedules the next one. */
  'notifications.digest': define({
    payload: z.object({}),
    key: (_, runAt) => `digest:${runAt.toISOString()}`,
  }),
  /** The day-before reminders of shifts; it schedules the next one. */
  'roster.reminders': define({
    payload: z.object({}),
    key: (_, runAt) => `roster-reminders:${runAt.toISOString()}`,
  }),
  /** Publishes every library version that is due; one job per scheduled version. */
  'library.publish': define({
    // Jobs queued before the registry carry no version.
    payload: z.object({ versionId: id.optional() }),
    key: (p, runAt) => `library-publish:${p.versionId ?? runAt.toISOString()}`,
  }),
  /** The text of an uploaded PDF, for search. */
  'library.pdf-text': define({
    payload: z.object({ uploadId: id }),
    key: (p) => `pdf-text:${p.uploadId}`,
  }),
  /** One reminder of an event for one member; a moved event gets new keys. */
  'event.reminder': define({
    payload: z.object({
      eventId: id,
      userId: id,
      minutes: z.number().int().positive(),
      startsAt: z.iso.datetime(),
    }),
    key: (p) => `event-reminder:${p.eventId}:${p.userId}:${p.minutes}:${p.startsAt}`,
  }),
  /** Telling a briefing's audience that it was published, updated or is a reminder. */
  'briefings.announce': define({
    payload: z.object({
      briefingId: id,
      number: z.number().int().positive(),
      kind: z.enum(['published', 'updated', 'reminder']),
      actorName: z.string(),
      /** A reminder's day: one reminder a day at most. */
      key: z.string().optional(),
    }),
    key: (p) => `briefing-announce:${p.briefingId}:${p.key ?? p.number}`,
  }),
  /** At a briefing's launch its search row gains the text. */
  'briefings.launch': define({
    payload: z.object({ briefingId: id }),
    key: (p, runAt) => `briefing-launch:${p.briefingId}:${runAt.toISOString()}`,
  }),
  /** A member's "your data" ZIP. */
  'privacy.export': define({
    payload: z.object({ exportId: id }),
    key: (p) => `export:${p.exportId}`,
  }),
  /** A member's erasure, when the days they had to change their mind are over. */
  'privacy.erase': define({
    payload: z.object({ userId: id }),
    key: (p) => `erase:${p.userId}`,
  }),
};

export type JobName = keyof typeof JOBS;
export type JobPayload<N extends JobName> = z.infer<(typeof JOBS)[N]['payload']>;

/** `attempts` counts this one; `attempts === maxAttempts` is the last try. */
export type JobRun = { id: string; attempts: number; maxAttempts: number };
export type JobHandler<N extends JobName> = (payload: JobPayload<N>, job: JobRun) => Promise<void>;
export type JobHandlers = { [N in JobName]: JobHandler<N> };

export const isJobName = (name: string): name is JobName => Object.hasOwn(JOBS, name);

/** The payload checked and the unique key made, for a job about to be written. */
export function prepareJob<N extends JobName>(type: N, payload: JobPayload<N>, runAt: Date) {
  // One kind at a time: TypeScript cannot follow N into the table, the schema checks at run time.
  const definition = JOBS[type] as unknown as Definition<z.ZodType>;
  const checked = definition.payload.parse(payload);
  return { payload: checked as JobPayload<N>, uniqueKey: definition.key?.(checked, runAt) ?? null };
}

/** A stored payload read back; null when it no longer fits (the job then fails for good). */
export function readPayload<N extends JobName>(type: N, stored: unknown): JobPayload<N> | null {
  const parsed = (JOBS[type].payload as z.ZodType).safeParse(stored);
  return parsed.success ? (parsed.data as JobPayload<N>) : null;
}
