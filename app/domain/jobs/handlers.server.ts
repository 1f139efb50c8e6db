import { launchBriefing, announce } from '~/domain/briefings/jobs.server';
import { sendReminder } from '~/domain/events/reminders.server';
import { extractPdfText } from '~/domain/library/files.server';
import { publishDueVersions } from '~/domain/library/publish.server';
import { sendQueuedEmail } from '~/domain/mail/outbox.server';
import { runBackupJob } from '~/domain/backup/schedule.server';
import { runDigestJob } from '~/domain/notifications/digest.server';
import { buildExportJob } from '~/domain/privacy/export.server';
import { eraseJob } from '~/domain/privacy/erasure.server';
import { runShiftRemindersJob } from '~/domain/roster/reminders.server';
import type { JobHandlers } from './registry.server';

/** What runs each kind of job (registry.server.ts lists the kinds; a missing one does not compile). */
export const JOB_HANDLERS: JobHandlers = {
  'email.send': sendQueuedEmail,
  'notifications.digest': runDigestJob,
  'backup.run': runBackupJob,
  'library.publish': async () => {
    await publishDueVersions();
  },
  'library.pdf-text': ({ uploadId }) => extractPdfText(uploadId),
  'event.reminder': sendReminder,
  'briefings.announce': announce,
  'briefings.launch': launchBriefing,
  'privacy.export': buildExportJob,
  'privacy.erase': eraseJob,
  'roster.reminders': runShiftRemindersJob,
};
