import enAdmin from '../../locales/en/admin.json';
import enAuth from '../../locales/en/auth.json';
import enCommon from '../../locales/en/common.json';
import enEmail from '../../locales/en/email.json';
import enMembers from '../../locales/en/members.json';
import enForum from '../../locales/en/forum.json';
import enLibrary from '../../locales/en/library.json';
import enEvents from '../../locales/en/events.json';
import enBriefings from '../../locales/en/briefings.json';
import enFeedback from '../../locales/en/feedback.json';
import enNotifications from '../../locales/en/notifications.json';
import enProfile from '../../locales/en/profile.json';
import enReports from '../../locales/en/reports.json';
import enSupportPoints from '../../locales/en/supportPoints.json';
import enAccessibility from '../../locales/en/accessibility.json';
import enHelp from '../../locales/en/help.json';
import enPrivacy from '../../locales/en/privacy.json';
import enRoster from '../../locales/en/roster.json';
import fiAdmin from '../../locales/fi/admin.json';
import fiAuth from '../../locales/fi/auth.json';
import fiCommon from '../../locales/fi/common.json';
import fiEmail from '../../locales/fi/email.json';
import fiMembers from '../../locales/fi/members.json';
import fiForum from '../../locales/fi/forum.json';
import fiLibrary from '../../locales/fi/library.json';
import fiEvents from '../../locales/fi/events.json';
import fiBriefings from '../../locales/fi/briefings.json';
import fiFeedback from '../../locales/fi/feedback.json';
import fiNotifications from '../../locales/fi/notifications.json';
import fiProfile from '../../locales/fi/profile.json';
import fiReports from '../../locales/fi/reports.json';
import fiSupportPoints from '../../locales/fi/supportPoints.json';
import fiAccessibility from '../../locales/fi/accessibility.json';
import fiHelp from '../../locales/fi/help.json';
import fiPrivacy from '../../locales/fi/privacy.json';
import fiRoster from '../../locales/fi/roster.json';
import svAdmin from '../../locales/sv/admin.json';
import svAuth from '../../locales/sv/auth.json';
import svCommon from '../../locales/sv/common.json';
import svEmail from '../../locales/sv/email.json';
import svMembers from '../../locales/sv/members.json';
import svForum from '../../locales/sv/forum.json';
import svLibrary from '../../locales/sv/library.json';
import svEvents from '../../locales/sv/events.json';
import svBriefings from '../../locales/sv/briefings.json';
import svFeedback from '../../locales/sv/feedback.json';
import svNotifications from '../../locales/sv/notifications.json';
import svProfile from '../../locales/sv/profile.json';
import svReports from '../../locales/sv/reports.json';
import svSupportPoints from '../../locales/sv/supportPoints.json';
import svAccessibility from '../../locales/sv/accessibility.json';
import svHelp from '../../locales/sv/help.json';
import svPrivacy from '../../locales/sv/privacy.json';
import svRoster from '../../locales/sv/roster.json';
import type { Language, Namespace } from './config';

export const resources: Record<Language, Record<Namespace, Record<string, unknown>>> = {
  fi: {
    common: fiCommon,
    auth: fiAuth,
    profile: fiProfile,
    members: fiMembers,
    admin: fiAdmin,
    email: fiEmail,
    forum: fiForum,
    library: fiLibrary,
    events: fiEvents,
    briefings: fiBriefings,
    feedback: fiFeedback,
    notifications: fiNotifications,
    reports: fiReports,
    supportPoints: fiSupportPoints,
    accessibility: fiAccessibility,
    help: fiHelp,
    privacy: fiPrivacy,
    roster: fiRoster,
  },
  sv: {
    common: svCommon,
    auth: svAuth,
    profile: svProfile,
    members: svMembers,
    admin: svAdmin,
    email: svEmail,
    forum: svForum,
    library: svLibrary,
    events: svEvents,
    briefings: svBriefings,
    feedback: svFeedback,
    notifications: svNotifications,
    reports: svReports,
    supportPoints: svSupportPoints,
    accessibility: svAccessibility,
    help: svHelp,
    privacy: svPrivacy,
    roster: svRoster,
  },
  en: {
    common: enCommon,
    auth: enAuth,
    profile: enProfile,
    members: enMembers,
    admin: enAdmin,
    email: enEmail,
    forum: enForum,
    library: enLibrary,
    events: enEvents,
    briefings: enBriefings,
    feedback: enFeedback,
    notifications: enNotifications,
    reports: enReports,
    supportPoints: enSupportPoints,
    accessibility: enAccessibility,
    help: enHelp,
    privacy: enPrivacy,
    roster: enRoster,
  },
};
