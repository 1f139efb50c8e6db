import { i18n } from '~/i18n/i18n.server';
import { isLanguage, DEFAULT_LANGUAGE } from '~/i18n/config';
import { feedLineText } from '~/domain/home/feed-line';
import type { OutgoingEmail } from './outbox.server';
import { escapeHtml } from '~/utils/html';

type Parts = {
  subject: string;
  greeting: string;
  body: string[];
  /** Linked lines (a digest's items): a list in HTML, a line and its address in text. */
  links?: { text: string; url: string }[];
  action: { label: string; url: string };
  footer: string | string[];
  headers?: Record<string, string>;
};

function compose(to: string, parts: Parts): OutgoingEmail {
  const links = parts.links ?? [];
  const footer = [parts.footer].flat();
  const text = [
    parts.greeting,
    '',
    ...parts.body,
    ...(links.length ? ['', ...links.map((l) => `• ${l.text}\n  ${l.url}`)] : []),
    '',
    `${parts.action.label}: ${parts.action.url}`,
    '',
    ...footer,
  ].join('\n');
  const html = `<!doctype html><html><body style="font-family:sans-serif;font-size:16px;line-height:1.5">
<p>${escapeHtml(parts.greeting)}</p>
${parts.body.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}
${links.length ? `<ul>${links.map((l) => `<li><a href="${escapeHtml(l.url)}">${escapeHtml(l.text)}</a></li>`).join('')}</ul>` : ''}
<p><a href="${escapeHtml(parts.action.url)}">${escapeHtml(parts.action.label)}</a></p>
${footer.map((f) => `<p style="color:#555">${escapeHtml(f)}</p>`).join('\n')}
</body></html>`;
  return { to, subject: parts.subject, text, html, ...(parts.headers ? { headers: parts.headers } : {}) };
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

type DigestVars = {
  origin: string;
  /** Notifications the member chose to hear of by digest. */
  items: { type: string; actorName: string; title: string; url: string }[];
  /** What their home feed gained since the last news digest (issue 14). */
  news?: { kind: string; actor: string; state?: string; title: string; url: string }[];
  /** More news than fits: the e-mail says so and links to the feed. */
  more?: boolean;
  frequency?: string | null;
  unsubscribeUrl?: string | null;
};

/** The 07:00 e-mail: digest notifications and, when it is due, the news digest, as one message. */
export async function digestEmail(language: string, to: string, vars: DigestVars) {
  const tr = await t(language);
  const any = await i18n.getFixedT(isLanguage(language) ? language : DEFAULT_LANGUAGE);
  const news = vars.news ?? [];
  const count = vars.items.length + news.length;
  const links = [
    ...vars.items.map((i) => ({
      text: tr(`notification.${i.type}.body`, { actorName: i.actorName, title: i.title }),
      url: `${vars.origin}${i.url}`,
    })),
    ...news.map((i) => ({ text: `${feedLineText(any, i)}: ${i.title}`, url: `${vars.origin}${i.url}` })),
  ];
  const settings = `${vars.origin}/profile/notifications`;
  return compose(to, {
    subject: news.length ? tr('digest.newsSubject', { count }) : tr('digest.subject', { count }),
    greeting: tr('greeting'),
    body: [
      news.length
        ? tr(`digest.newsIntro.${vars.frequency ?? 'weekly'}`, { count })
        : tr('digest.intro', { count }),
    ],
    links: [...links, ...(vars.more ? [{ text: tr('digest.more'), url: `${vars.origin}/` }] : [])],
    action: news.length
      ? { label: tr('digest.newsAction'), url: `${vars.origin}/` }
      : { label: tr('digest.action'), url: `${vars.origin}/notifications` },
    footer: [
      tr('notification.footer'),
      ...(vars.unsubscribeUrl ? [tr('digest.unsubscribe', { settings, url: vars.unsubscribeUrl })] : []),
    ],
    // RFC 8058: a mail program shows "Unsubscribe" and POSTs to the address, no login needed.
    ...(vars.unsubscribeUrl
      ? {
          headers: {
            'List-Unsubscribe': `<${vars.unsubscribeUrl}>`,
            'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
          },
        }
      : {}),
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

/** "Your copy is ready": the link leads to the page, where only the member can download it. */
export async function dataExportEmail(language: string, to: string, vars: { url: string }) {
  const tr = await t(language);
  return compose(to, {
    subject: tr('dataExport.subject'),
    greeting: tr('greeting'),
    body: [tr('dataExport.body'), tr('dataExport.expires')],
    action: { label: tr('dataExport.action'), url: vars.url },
    footer: tr('footer'),
  });
}

export async function erasureRequestedEmail(
  language: string,
  to: string,
  vars: { date: string; url: string },
) {
  const tr = await t(language);
  return compose(to, {
    subject: tr('erasure.subject'),
    greeting: tr('greeting'),
    body: [tr('erasure.body', { date: vars.date }), tr('erasure.notYou')],
    action: { label: tr('erasure.action'), url: vars.url },
    footer: tr('footer'),
  });
}
