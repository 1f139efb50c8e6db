import type { Tx } from '~/db.server';
import {
  documentFromText,
  parseDocument,
  mentionedUserIds,
  plainText,
  renderDocument,
  withMentionLabels,
  type RichDoc,
} from '~/domain/rich-text/sanitise.server';
import { MAX_BODY_CHARS, MAX_BODY_JSON_BYTES } from '~/domain/rich-text/limits';
import { refuse, type Result } from '~/utils/result';

export type PreparedBody = { doc: RichDoc; html: string; text: string; mentionIds: string[] };
/** Refusals name the `body` field: the editor's. */
export type BodyResult = Result<{ body: PreparedBody }>;

/**
 * Turns what the form sent into the stored forms of a post: allow-listed JSON, sanitised
 * HTML, plain text. Mentions keep only active members, labelled with their real names.
 */
export async function prepareBody(tx: Tx, input: { body?: string; bodyText?: string }): Promise<BodyResult> {
  let doc: RichDoc;
  if (input.body) {
    if (Buffer.byteLength(input.body) > MAX_BODY_JSON_BYTES) {
      return refuse('forum:errors.bodyTooLong', { field: 'body', values: { max: MAX_BODY_CHARS } });
    }
    const parsed = parseDocument(input.body);
    if (!parsed) return refuse('validation.invalid', { field: 'body' });
    doc = parsed;
  } else {
    doc = documentFromText(input.bodyText ?? '');
  }
  const ids = mentionedUserIds(doc);
  const members = ids.length
    ? await tx.user.findMany({
        where: { id: { in: ids }, status: 'active' },
        select: { id: true, name: true },
      })
    : [];
  doc = withMentionLabels(doc, new Map(members.map((m) => [m.id, m.name])));
  const text = plainText(doc);
  const hasImage = JSON.stringify(doc).includes('"type":"image"');
  if (!text && !hasImage) return refuse('forum:errors.bodyRequired', { field: 'body' });
  if (text.length > MAX_BODY_CHARS)
    return refuse('forum:errors.bodyTooLong', { field: 'body', values: { max: MAX_BODY_CHARS } });
  return { ok: true, body: { doc, html: renderDocument(doc), text, mentionIds: members.map((m) => m.id) } };
}
