// Every module that registers a job handler, imported once by the worker.
import '~/domain/mail/outbox.server';
import '~/domain/notifications/digest.server';
