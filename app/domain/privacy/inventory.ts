// What the service stores about people, by the category the privacy notice (/privacy) explains.
// The notice is drawn from this list, and a test checks that every table referring to a member
// is in one category: a new table about members cannot be added without the notice saying so.

export type PrivacyCategory = {
  key: 'account' | 'content' | 'guidance' | 'messages' | 'security';
  /** The database tables holding it. */
  tables: readonly string[];
};

export const PRIVACY_CATEGORIES: readonly PrivacyCategory[] = [
  {
    key: 'account',
    tables: [
      'app_user',
      'user_role',
      'user_support_point',
      'invite',
      'password_reset',
      'session',
      'sso_identity',
      'calendar_feed',
      'data_export',
    ],
  },
  {
    key: 'content',
    tables: [
      'forum_thread',
      'forum_post',
      'forum_post_revision',
      'forum_reaction',
      'forum_flag',
      'forum_thread_follow',
      'forum_category_follow',
      'forum_thread_read',
      'library_material',
      'library_version',
      'library_view',
      'library_completion',
      'learning_path',
      'upload',
      'announcement',
      'announcement_read',
      'event',
      'event_organiser',
      'event_rsvp',
      'help_slot',
      'shift',
      'referral',
      'briefing',
      'briefing_version',
      'briefing_read',
      'briefing_question',
      'eservice_contact',
      'field_feedback',
      'feedback_reply',
      'feedback_seen',
      'search_document',
    ],
  },
  { key: 'guidance', tables: ['guidance_session', 'resident_feedback'] },
  { key: 'messages', tables: ['notification', 'notification_preference', 'email'] },
  {
    key: 'security',
    tables: ['audit_log', 'rate_limit', 'two_factor', 'recovery_code', 'login_challenge'],
  },
];
