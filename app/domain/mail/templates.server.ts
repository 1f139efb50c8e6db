import { i18n } from '~/i18n/i18n.server';
import { isLanguage, DEFAULT_LANGUAGE } from '~/i18n/config';
import type { OutgoingEmail } from './outbox.server';

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

type Parts = {
  subject: string;
  greeting: string;
  body: string[];
  action: { label: string; url: string };
  footer: string;
};

function compose(to: string, parts: Parts): OutgoingEmail {
  const text = [
    parts.greeting,
    '',
    ...parts.body,
    '',
    `${parts.action.label}: ${parts.action.url}`,
    '',
    parts.footer,
  ].join('\n');
  const html = `<!doctype html><html><body style="font-family:sans-serif;font-size:16px;line-height:1.5">
<p>${escapeHtml(parts.greeting)}</p>
${parts.body.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}
<p><a href="${escapeHtml(parts.action.url)}">${escapeHtml(parts.action.label)}</a></p>
<p style="color:#555">${escapeHtml(parts.footer)}</p>
</body></html>`;
  return { to, subject: parts.subject, text, html };
}

async function t(language: string) {
  return i18n.getFixedT(isLanguage(language) ? language : DEFAULT_LANGUAGE, 'email');
}

/** An invitation; to an address that has an account already (`existing`), it says log in instead. */
export async function inviteEmail(
  language: string,
  to: string,
  vars: { inviterName: string; organisationName: string; url: string },
  { existing = false } = {},
) {
  const tr = await t(language);
  return compose(to, {
    subject: tr('invite.subject'),
    greeting: tr('greeting'),
    body: [tr('invite.body', vars), existing ? tr('invite.existing') : tr('invite.expires')],
    action: { label: existing ? tr('invite.existingAction') : tr('invite.action'), url: vars.url },
    footer: tr('footer'),
  });
}

export async function passwordResetEmail(language: string, to: string, vars: { url: string }) {
  const tr = await t(language);
  return compose(to, {
    subject: tr('reset.subject'),
    greeting: tr('greeting'),
    body: [tr('reset.body'), tr('reset.expires'), tr('reset.ignore')],
    action: { label: tr('reset.action'), url: vars.url },
    footer: tr('footer'),
  });
}

export async function notificationEmail(
  language: string,
  to: string,
  vars: { type: string; actorName: string; title: string; detail?: string; url: string },
) {
  const tr = await t(language);
  return compose(to, {
    subject: tr(`notification.${vars.type}.subject`, { actorName: vars.actorName, title: vars.title }),
    greeting: tr('greeting'),
    body: [
      tr(`notification.${vars.type}.body`, { actorName: vars.actorName, title: vars.title }),
      ...(vars.detail ? [tr('notification.reason', { reason: vars.detail })] : []),
    ],
    action: { label: tr('notification.action'), url: vars.url },
    footer: tr('notification.footer'),
  });
}

export async function digestEmail(
  language: string,
  to: string,
  vars: { origin: string; items: { type: string; actorName: string; title: string; url: string }[] },
) {
  const tr = await t(language);
  return compose(to, {
    subject: tr('digest.subject', { count: vars.items.length }),
    greeting: tr('greeting'),
    body: [
      tr('digest.intro', { count: vars.items.length }),
      ...vars.items.map(
        (i) =>
          `• ${tr(`notification.${i.type}.body`, { actorName: i.actorName, title: i.title })} ${vars.origin}${i.url}`,
      ),
    ],
    action: { label: tr('digest.action'), url: `${vars.origin}/notifications` },
    footer: tr('notification.footer'),
  });
}

/** Accessibility feedback for a coordinator: what was written, where, and how to answer. */
export async function accessibilityFeedbackEmail(
  language: string,
  to: string,
  vars: { message: string; contact: string; page: string; origin: string },
) {
  const tr = await t(language);
  return compose(to, {
    subject: tr('accessibilityFeedback.subject'),
    greeting: tr('greeting'),
    body: [
      tr('accessibilityFeedback.intro'),
      vars.message,
      vars.page ? tr('accessibilityFeedback.page', { page: vars.page }) : tr('accessibilityFeedback.noPage'),
      vars.contact
        ? tr('accessibilityFeedback.contact', { contact: vars.contact })
        : tr('accessibilityFeedback.noContact'),
    ],
    action: vars.contact
      ? { label: tr('accessibilityFeedback.answer'), url: `mailto:${vars.contact}` }
      : { label: tr('accessibilityFeedback.statement'), url: `${vars.origin}/accessibility` },
    footer: tr('footer'),
  });
}
