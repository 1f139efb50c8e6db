import sanitizeHtml from 'sanitize-html';
import { isUuid } from '~/utils/ids';
import { HEADING_LEVELS } from './limits';
import { escapeHtml } from '~/utils/html';

// Rich text arrives as Tiptap (ProseMirror) JSON. It is cleaned twice: the JSON is rebuilt from
// an allow-list of nodes, marks and attributes (what is stored and handed back to the editor),
// and the HTML rendered from it goes through sanitize-html with an allow-list of its own
// (what readers get). Either pass alone would stop a script; the second catches mistakes in
// the first.

export type RichNode = {
  type: string;
  attrs?: Record<string, unknown>;
  marks?: { type: string; attrs?: Record<string, unknown> }[];
  content?: RichNode[];
  text?: string;
};
export type RichDoc = { type: 'doc'; content: RichNode[] };

const BLOCKS = new Set([
  'paragraph',
  'heading',
  'bulletList',
  'orderedList',
  'listItem',
  'blockquote',
  'horizontalRule',
  'hardBreak',
  'image',
  'mention',
  // Library materials: tables and callout boxes.
  'table',
  'tableRow',
  'tableHeader',
  'tableCell',
  'callout',
]);
const CALLOUT_TONES = ['info', 'warning'];

function span(value: unknown) {
  const n = Number(value);
  return Number.isInteger(n) && n > 1 && n <= 20 ? n : 1;
}
const MARKS = new Set(['bold', 'italic', 'strike', 'code', 'link']);
const UPLOAD_SRC = /^\/uploads\/([0-9a-f-]{36})$/;

/** http, https, mailto and site-relative paths; nothing that can run or leave the page oddly. */
export function safeHref(raw: unknown): string | null {
  if (typeof raw !== 'string') return null;
  // Browsers ignore whitespace and control characters inside a scheme ("java\tscript:").
  // eslint-disable-next-line no-control-regex -- stripping control characters is the point
  const href = raw.replace(/[\u0000-\u0020\u007f]+/g, '');
  if (/^(https?:\/\/|mailto:)/i.test(href)) return raw.trim();
  if (href.startsWith('/') && !href.startsWith('//') && !href.startsWith('/\\')) return raw.trim();
  return null;
}

// eslint-disable-next-line no-control-regex -- NUL and friends cannot be stored or shown
const CONTROL_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

function cleanText(value: unknown): string {
  return typeof value === 'string' ? value.replace(CONTROL_CHARS, '') : '';
}

function cleanMarks(marks: unknown): RichNode['marks'] {
  if (!Array.isArray(marks)) return undefined;
  const out: NonNullable<RichNode['marks']> = [];
  for (const m of marks) {
    if (!m || typeof m !== 'object' || !MARKS.has((m as RichNode).type)) continue;
    const type = (m as RichNode).type;
    if (type === 'link') {
      const href = safeHref((m as RichNode).attrs?.href);
      if (href) out.push({ type, attrs: { href } });
    } else if (!out.some((o) => o.type === type)) out.push({ type });
  }
  return out.length ? out : undefined;
}

function cleanNode(node: unknown): RichNode[] {
  if (!node || typeof node !== 'object') return [];
  const n = node as RichNode;
  if (n.type === 'text') {
    const text = cleanText(n.text);
    return text
      ? [{ type: 'text', text, ...(cleanMarks(n.marks) ? { marks: cleanMarks(n.marks) } : {}) }]
      : [];
  }
  const children = Array.isArray(n.content) ? n.content.flatMap(cleanNode) : [];
  if (!BLOCKS.has(n.type)) return children; // unknown wrapper: keep what it contained
  switch (n.type) {
    case 'heading': {
      const level = Number(n.attrs?.level);
      return [
        {
          type: 'heading',
          attrs: { level: (HEADING_LEVELS as readonly number[]).includes(level) ? level : HEADING_LEVELS[0] },
          content: children,
        },
      ];
    }
    case 'orderedList': {
      const start = Number(n.attrs?.start);
      return [
        {
          type: 'orderedList',
          attrs: { start: Number.isInteger(start) && start > 0 && start < 100000 ? start : 1 },
          content: children,
        },
      ];
    }
    case 'image': {
      const src = typeof n.attrs?.src === 'string' ? n.attrs.src : '';
      const match = UPLOAD_SRC.exec(src);
      if (!match || !isUuid(match[1]!)) return [];
      return [{ type: 'image', attrs: { src, alt: cleanText(n.attrs?.alt).slice(0, 300) } }];
    }
    case 'mention': {
      const id = typeof n.attrs?.id === 'string' && isUuid(n.attrs.id) ? n.attrs.id : null;
      return id ? [{ type: 'mention', attrs: { id, label: cleanText(n.attrs?.label).slice(0, 200) } }] : [];
    }
    case 'horizontalRule':
    case 'hardBreak':
      return [{ type: n.type }];
    case 'tableHeader':
    case 'tableCell':
      return [
        {
          type: n.type,
          attrs: { colspan: span(n.attrs?.colspan), rowspan: span(n.attrs?.rowspan) },
          content: children,
        },
      ];
    case 'callout': {
      const tone = CALLOUT_TONES.includes(String(n.attrs?.tone)) ? String(n.attrs?.tone) : 'info';
      return [{ type: 'callout', attrs: { tone }, content: children }];
    }
    default:
      return [{ type: n.type, content: children }];
  }
}

/**
 * How deep a document may nest: a list in a list twelve times over still fits. Checked without
 * recursion before anything else walks it (a body nested 3,000 levels overflowed the stack; 60
 * levels overflowed the database client's).
 */
export const MAX_NESTING = 30;

export function nestingWithin(input: unknown, max = MAX_NESTING): boolean {
  const stack: [unknown, number][] = [[input, 0]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (depth > max) return false;
    if (Array.isArray(node)) for (const child of node) stack.push([child, depth + 1]);
    else if (node && typeof node === 'object')
      for (const child of Object.values(node))
        if (child && typeof child === 'object') stack.push([child, depth + 1]);
  }
  return true;
}

/**
 * Editor JSON as a form sent it: parsed, bounded in nesting and cleaned; null when it is not a
 * document at all or nests deeper than any real one.
 */
export function parseDocument(raw: string): RichDoc | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return null;
  }
  if (!parsed || typeof parsed !== 'object' || !nestingWithin(parsed, MAX_NESTING * 2)) return null;
  return cleanDocument(parsed);
}

/** Rebuilds a document from the allow-list; anything else is dropped (its text kept). */
export function cleanDocument(input: unknown): RichDoc {
  const content =
    input && typeof input === 'object' && Array.isArray((input as RichDoc).content)
      ? (input as RichDoc).content.flatMap(cleanNode)
      : [];
  return { type: 'doc', content };
}

/** Plain text typed without the editor (no JavaScript): paragraphs on blank lines. */
export function documentFromText(text: string): RichDoc {
  const paragraphs = text
    .replace(/\r\n?/g, '\n')
    .split(/\n{2,}/)
    .map((p) => p.trim())
    .filter(Boolean);
  return {
    type: 'doc',
    content: paragraphs.map((p) => ({
      type: 'paragraph',
      content: p
        .split('\n')
        .flatMap((line, i) => [
          ...(i > 0 ? [{ type: 'hardBreak' }] : []),
          ...(line ? [{ type: 'text', text: cleanText(line) }] : []),
        ]),
    })),
  };
}

function renderText(node: RichNode): string {
  let html = escapeHtml(node.text ?? '');
  for (const mark of node.marks ?? []) {
    if (mark.type === 'bold') html = `<strong>${html}</strong>`;
    else if (mark.type === 'italic') html = `<em>${html}</em>`;
    else if (mark.type === 'strike') html = `<s>${html}</s>`;
    else if (mark.type === 'code') html = `<code>${html}</code>`;
  }
  const link = node.marks?.find((m) => m.type === 'link');
  if (link) html = `<a href="${escapeHtml(String(link.attrs?.href))}">${html}</a>`;
  return html;
}

function renderNode(node: RichNode): string {
  const inner = () => (node.content ?? []).map(renderNode).join('');
  switch (node.type) {
    case 'text':
      return renderText(node);
    case 'paragraph':
      return `<p>${inner()}</p>`;
    case 'heading':
      return `<h${node.attrs?.level}>${inner()}</h${node.attrs?.level}>`;
    case 'bulletList':
      return `<ul>${inner()}</ul>`;
    case 'orderedList':
      return node.attrs?.start === 1
        ? `<ol>${inner()}</ol>`
        : `<ol start="${node.attrs?.start}">${inner()}</ol>`;
    case 'listItem':
      return `<li>${inner()}</li>`;
    case 'blockquote':
      return `<blockquote>${inner()}</blockquote>`;
    case 'horizontalRule':
      return '<hr>';
    case 'hardBreak':
      return '<br>';
    case 'image':
      return `<img src="${escapeHtml(String(node.attrs?.src))}" alt="${escapeHtml(String(node.attrs?.alt ?? ''))}" loading="lazy">`;
    case 'mention':
      return `<span class="mention">@${escapeHtml(String(node.attrs?.label))}</span>`;
    case 'table':
      return `<div class="table-wrap"><table><tbody>${inner()}</tbody></table></div>`;
    case 'tableRow':
      return `<tr>${inner()}</tr>`;
    case 'tableHeader':
    case 'tableCell': {
      const tag = node.type === 'tableHeader' ? 'th' : 'td';
      const colspan = Number(node.attrs?.colspan ?? 1);
      const rowspan = Number(node.attrs?.rowspan ?? 1);
      const attrs = `${colspan > 1 ? ` colspan="${colspan}"` : ''}${rowspan > 1 ? ` rowspan="${rowspan}"` : ''}`;
      return `<${tag}${attrs}>${inner()}</${tag}>`;
    }
    case 'callout':
      return `<div class="callout callout--${node.attrs?.tone === 'warning' ? 'warning' : 'info'}">${inner()}</div>`;
    default:
      return inner();
  }
}

const SANITIZE_OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'h2',
    'h3',
    'ul',
    'ol',
    'li',
    'blockquote',
    'hr',
    'br',
    'strong',
    'em',
    's',
    'code',
    'a',
    'img',
    'span',
    'div',
    'table',
    'tbody',
    'tr',
    'th',
    'td',
  ],
  allowedAttributes: {
    a: ['href', 'rel'],
    img: ['src', 'alt', 'loading'],
    ol: ['start'],
    span: ['class'],
    div: ['class'],
    th: ['colspan', 'rowspan'],
    td: ['colspan', 'rowspan'],
  },
  allowedClasses: { span: ['mention'], div: ['table-wrap', 'callout', 'callout--info', 'callout--warning'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: [] },
  allowProtocolRelative: false,
  transformTags: {
    a: (tagName, attribs) => ({ tagName, attribs: { ...attribs, rel: 'noopener noreferrer ugc' } }),
  },
};

/** HTML for readers: rendered from the cleaned document, then sanitised with its own allow-list. */
export function renderDocument(doc: RichDoc): string {
  return sanitizeHtml(doc.content.map(renderNode).join(''), SANITIZE_OPTIONS);
}

// Children of these are separate words or lines in plain text, not one run of letters.
const BLOCK_JOINER: Record<string, string> = {
  bulletList: '\n',
  orderedList: '\n',
  table: '\n',
  callout: '\n',
  blockquote: '\n',
  tableRow: '\t',
  tableHeader: '\n',
  tableCell: '\n',
};

/** Words only: for search, the duplicate-post check and the length limit. */
export function plainText(doc: RichDoc): string {
  const blocks: string[] = [];
  const walk = (node: RichNode): string =>
    node.type === 'text'
      ? (node.text ?? '')
      : node.type === 'mention'
        ? `@${String(node.attrs?.label ?? '')}`
        : node.type === 'hardBreak'
          ? '\n'
          : (node.content ?? []).map(walk).join(BLOCK_JOINER[node.type] ?? '');
  for (const node of doc.content) blocks.push(walk(node));
  return blocks.join('\n').trim();
}

export function mentionedUserIds(doc: RichDoc): string[] {
  const ids = new Set<string>();
  const walk = (node: RichNode) => {
    if (node.type === 'mention' && typeof node.attrs?.id === 'string') ids.add(node.attrs.id);
    node.content?.forEach(walk);
  };
  doc.content.forEach(walk);
  return [...ids];
}

/** Mentions carry the member's current name from the database, never a label someone typed. */
export function withMentionLabels(doc: RichDoc, names: Map<string, string>): RichDoc {
  const map = (node: RichNode): RichNode[] => {
    if (node.type === 'mention') {
      const name = names.get(String(node.attrs?.id));
      return name ? [{ ...node, attrs: { id: node.attrs?.id, label: name } }] : [];
    }
    return [node.content ? { ...node, content: node.content.flatMap(map) } : node];
  };
  return { type: 'doc', content: doc.content.flatMap(map) };
}

export function uploadIdsIn(doc: RichDoc): string[] {
  const ids: string[] = [];
  const walk = (node: RichNode) => {
    const match = node.type === 'image' ? UPLOAD_SRC.exec(String(node.attrs?.src)) : null;
    if (match) ids.push(match[1]!);
    node.content?.forEach(walk);
  };
  doc.content.forEach(walk);
  return ids;
}
