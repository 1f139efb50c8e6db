import {
  cleanDocument,
  documentFromText,
  parseDocument,
  plainText,
  renderDocument,
  uploadIdsIn,
  withMentionLabels,
  type RichDoc,
} from '~/domain/rich-text/sanitise.server';

// A material's text: allow-listed editor JSON (or plain text without JavaScript), rendered and
// sanitised as in the forum. Materials have no @mentions; any that arrive are dropped.

export const EMPTY_DOC: RichDoc = { type: 'doc', content: [] };

export function materialBody(input: { body?: string; bodyText?: string }): RichDoc {
  let doc: RichDoc;
  if (input.body) {
    doc = parseDocument(input.body) ?? documentFromText(input.bodyText ?? '');
  } else {
    doc = documentFromText(input.bodyText ?? '');
  }
  return withMentionLabels(doc, new Map());
}

/** The stored working copy, read back safely whatever shape it has. */
export function storedDoc(json: unknown): RichDoc {
  return json && typeof json === 'object' ? cleanDocument(json) : EMPTY_DOC;
}

export function renderMaterial(doc: RichDoc) {
  return { html: renderDocument(doc), text: plainText(doc), imageIds: uploadIdsIn(doc) };
}
