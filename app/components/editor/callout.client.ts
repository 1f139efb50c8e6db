import { mergeAttributes, Node } from '@tiptap/core';

// A highlighted box in a material ("Huom!" / "Tip"): a block that holds paragraphs. Stored as
// {type: "callout", attrs: {tone}}; the server's allow-list knows the same two tones.

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    callout: { toggleCallout: (tone?: 'info' | 'warning') => ReturnType };
  }
}

export const Callout = Node.create({
  name: 'callout',
  group: 'block',
  content: 'paragraph+',
  defining: true,
  addAttributes() {
    return {
      tone: {
        default: 'info',
        parseHTML: (el) => (el.getAttribute('data-tone') === 'warning' ? 'warning' : 'info'),
        renderHTML: (attrs) => ({ 'data-tone': attrs.tone, class: `callout callout--${attrs.tone}` }),
      },
    };
  },
  parseHTML: () => [{ tag: 'div[data-callout]' }],
  renderHTML: ({ HTMLAttributes }) => ['div', mergeAttributes(HTMLAttributes, { 'data-callout': '' }), 0],
  addCommands() {
    return {
      toggleCallout:
        (tone = 'info') =>
        ({ commands }) =>
          commands.toggleWrap(this.name, { tone }),
    };
  },
});
