import { can, type AuthUser } from '~/auth/guards.server';

/** Moderators see hidden posts and threads, and may post in locked ones. */
export const canModerate = (user: AuthUser) => can(user, 'forum:moderate');

/** Thread author, trainers and coordinators may mark the accepted answer. */
export const canAcceptIn = (user: AuthUser, thread: { authorId: string }) =>
  thread.authorId === user.id || can(user, 'forum:accept-any');
