// Every module that registers a job handler, imported once by the worker.
import '~/domain/mail/outbox.server';
import '~/domain/notifications/digest.server';
import '~/domain/library/files.server';
import '~/domain/library/publish.server';
import '~/domain/events/reminders.server';
import '~/domain/briefings/jobs.server';
import '~/domain/privacy/export.server';
