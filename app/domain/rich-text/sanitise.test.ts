import { Parser } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { XSS_PAYLOADS } from '#tests/fixtures/xss-payloads';
import {
  cleanDocument,
  documentFromText,
  parseDocument,
  plainText,
  renderDocument,
  safeHref,
} from './sanitise.server';

const ALLOWED: Record<string, string[]> = {
  p: [],
  h2: [],
  h3: [],
  ul: [],
  ol: ['start'],
  li: [],
  blockquote: [],
  hr: [],
  br: [],
  strong: [],
  em: [],
  s: [],
  code: [],
  a: ['href', 'rel'],
  img: ['src', 'alt', 'loading'],
  span: ['class'],
  div: ['class'],
  table: [],
  tbody: [],
  tr: [],
  th: ['colspan', 'rowspan'],
  td: ['colspan', 'rowspan'],
};
const CLASSES = ['mention', 'table-wrap', 'callout callout--info', 'callout callout--warning'];

/** Every tag and attribute in the output is on the allow-list, and every URL is harmless. */
function assertSafe(html: string) {
  const problems: string[] = [];
  const parser = new Parser({
    onopentag(name, attrs) {
      if (!(name in ALLOWED)) problems.push(`tag <${name}>`);
      for (const [attr, value] of Object.entries(attrs)) {
        if (!ALLOWED[name]?.includes(attr)) problems.push(`<${name} ${attr}>`);
        if (attr === 'href' && !/^(https?:\/\/|mailto:|\/(?![/\\]))/i.test(value))
          problems.push(`href ${value}`);
        if (attr === 'src' && !/^\/uploads\/[0-9a-f-]{36}$/.test(value)) problems.push(`src ${value}`);
        if (attr === 'rel' && value !== 'noopener noreferrer ugc') problems.push(`rel ${value}`);
        if (attr === 'class' && !CLASSES.includes(value)) problems.push(`class ${value}`);
        if ((attr === 'colspan' || attr === 'rowspan') && !/^([2-9]|1\d|20)$/.test(value))
          problems.push(`${attr} ${value}`);
      }
    },
  });
  parser.write(html);
  parser.end();
  expect(problems, html).toEqual([]);
}

const UPLOAD = '/uploads/0b9a2a39-6a1e-4c5b-9a3e-2f1f1f1f1f1f';

/** Each payload in every place a document can carry text or an attribute. */
function documentsFor(payload: string): unknown[] {
  const text = (t: string, marks?: unknown[]) => ({ type: 'text', text: t, ...(marks ? { marks } : {}) });
  return [
    { type: 'doc', content: [{ type: 'paragraph', content: [text(payload)] }] },
    {
      type: 'doc',
      content: [{ type: 'paragraph', content: [text('link', [{ type: 'link', attrs: { href: payload } }])] }],
    },
    {
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [
            text('x', [
              { type: 'link', attrs: { href: 'https://ok.test', onclick: payload, target: payload } },
            ]),
          ],
        },
      ],
    },
    { type: 'doc', content: [{ type: 'image', attrs: { src: payload, alt: payload } }] },
    { type: 'doc', content: [{ type: 'image', attrs: { src: UPLOAD, alt: payload, onerror: payload } }] },
    {
      type: 'doc',
      content: [{ type: 'mention', attrs: { id: '0b9a2a39-6a1e-4c5b-9a3e-2f1f1f1f1f1f', label: payload } }],
    },
    { type: 'doc', content: [{ type: 'heading', attrs: { level: payload }, content: [text(payload)] }] },
    {
      type: 'doc',
      content: [
        {
          type: 'orderedList',
          attrs: { start: payload },
          content: [
            {
              type: 'listItem',
              content: [{ type: 'paragraph', content: [text(payload, [{ type: payload }])] }],
            },
          ],
        },
      ],
    },
    {
      type: 'doc',
      content: [
        {
          type: payload,
          attrs: { html: payload },
          content: [{ type: 'paragraph', content: [text(payload)] }],
        },
      ],
    },
    {
      type: 'doc',
      content: [
        { type: 'html', attrs: { html: payload } },
        { type: 'codeBlock', content: [text(payload)] },
      ],
    },
    {
      type: 'doc',
      content: [
        {
          type: 'table',
          attrs: { style: payload },
          content: [
            {
              type: 'tableRow',
              attrs: { onclick: payload },
              content: [
                {
                  type: 'tableHeader',
                  attrs: { colspan: payload, rowspan: '2" onmouseover="x' },
                  content: [text(payload)],
                },
                { type: 'tableCell', attrs: { colspan: 3, style: payload }, content: [text(payload)] },
              ],
            },
          ],
        },
        {
          type: 'callout',
          attrs: { tone: payload, class: payload },
          content: [{ type: 'paragraph', content: [text(payload)] }],
        },
      ],
    },
    { type: payload, content: payload },
    payload,
  ];
}

describe('rich text sanitising', () => {
  it(`renders ${XSS_PAYLOADS.length} injection payloads in 14 positions each without anything runnable`, () => {
    let checked = 0;
    for (const payload of XSS_PAYLOADS) {
      for (const input of documentsFor(payload)) {
        assertSafe(renderDocument(cleanDocument(input)));
        checked++;
      }
      assertSafe(renderDocument(documentFromText(payload)));
      checked++;
    }
    expect(checked).toBe(XSS_PAYLOADS.length * 14);
  });

  it('keeps what is allowed: formatting, safe links, uploaded images, mentions', () => {
    const doc = cleanDocument({
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 3 }, content: [{ type: 'text', text: 'Otsikko' }] },
        {
          type: 'paragraph',
          content: [
            {
              type: 'text',
              text: 'kela',
              marks: [{ type: 'link', attrs: { href: 'https://www.kela.fi/' } }, { type: 'bold' }],
            },
            { type: 'text', text: ' ja ' },
            { type: 'text', text: 'posti', marks: [{ type: 'link', attrs: { href: 'mailto:tuki@hel.fi' } }] },
            { type: 'text', text: ' ja ' },
            { type: 'text', text: 'sivu', marks: [{ type: 'link', attrs: { href: '/forum' } }] },
          ],
        },
        { type: 'image', attrs: { src: UPLOAD, alt: 'Kuvakaappaus' } },
        {
          type: 'orderedList',
          attrs: { start: 3 },
          content: [
            {
              type: 'listItem',
              content: [{ type: 'paragraph', content: [{ type: 'text', text: 'kolme' }] }],
            },
          ],
        },
      ],
    });
    expect(renderDocument(doc)).toBe(
      '<h3>Otsikko</h3>' +
        '<p><a href="https://www.kela.fi/" rel="noopener noreferrer ugc"><strong>kela</strong></a> ja ' +
        '<a href="mailto:tuki@hel.fi" rel="noopener noreferrer ugc">posti</a> ja ' +
        '<a href="/forum" rel="noopener noreferrer ugc">sivu</a></p>' +
        `<img src="${UPLOAD}" alt="Kuvakaappaus" loading="lazy" />` +
        '<ol start="3"><li><p>kolme</p></li></ol>',
    );
    expect(plainText(doc)).toBe('Otsikko\nkela ja posti ja sivu\n\nkolme');
  });

  it('refuses link schemes that can run or leave oddly, however they are spelt', () => {
    for (const href of [
      'javascript:alert(1)',
      'JaVaScRiPt:x',
      ' java\tscript:x',
      'data:text/html,x',
      'vbscript:x',
      '//evil.test',
      '/\\evil.test',
      'file:///etc/passwd',
    ]) {
      expect(safeHref(href), href).toBeNull();
    }
    expect(safeHref('https://hel.fi')).toBe('https://hel.fi');
  });

  it('keeps tables and callouts of library materials, with only their own attributes', () => {
    const doc = cleanDocument({
      type: 'doc',
      content: [
        {
          type: 'table',
          content: [
            {
              type: 'tableRow',
              content: [
                {
                  type: 'tableHeader',
                  attrs: { colspan: 1 },
                  content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Tapa' }] }],
                },
                {
                  type: 'tableHeader',
                  attrs: { colspan: 2 },
                  content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Huomio' }] }],
                },
              ],
            },
          ],
        },
        {
          type: 'callout',
          attrs: { tone: 'warning' },
          content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Älä katso tunnuslukuja.' }] }],
        },
        {
          type: 'callout',
          attrs: { tone: 'danger' },
          content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Tuntematon sävy' }] }],
        },
      ],
    });
    expect(renderDocument(doc)).toBe(
      '<div class="table-wrap"><table><tbody><tr><th><p>Tapa</p></th><th colspan="2"><p>Huomio</p></th></tr></tbody></table></div>' +
        '<div class="callout callout--warning"><p>Älä katso tunnuslukuja.</p></div>' +
        '<div class="callout callout--info"><p>Tuntematon sävy</p></div>',
    );
    expect(plainText(doc)).toBe('Tapa\tHuomio\nÄlä katso tunnuslukuja.\nTuntematon sävy');
  });
});

describe('nesting', () => {
  // Written as text: JSON.stringify itself would overflow on the deepest one.
  const nested = (levels: number) =>
    `{"type":"doc","content":[${'{"type":"bulletList","content":['.repeat(levels)}` +
    `{"type":"text","text":"syvällä"}${']}'.repeat(levels)}]}`;

  it('accepts a list nested as deep as a real one and refuses deeper ones without overflowing', () => {
    expect(parseDocument(nested(20))).not.toBeNull();
    expect(parseDocument(nested(60))).toBeNull();
    expect(parseDocument(nested(3_000))).toBeNull();
    expect(parseDocument(nested(50_000))).toBeNull();
  });
});
