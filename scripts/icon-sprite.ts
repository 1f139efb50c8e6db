// Writes app/components/ui/icons.svg: one <symbol> per icon in app/components/ui/icon-names.ts,
// drawn from the installed Lucide package (run after adding an icon or upgrading Lucide:
// npx tsx scripts/icon-sprite.ts). A test checks that the committed file is what this makes.
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createElement, type ComponentType } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { ICON_NAMES } from '../app/components/ui/icon-names';

const SPRITE = fileURLToPath(new URL('../app/components/ui/icons.svg', import.meta.url));

// Lucide's way of drawing, on each symbol rather than on every icon in a page: the shapes inherit
// it, and `currentColor` is the colour of the text around the icon.
const DRAWING =
  ' fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"';

/** The shapes Lucide draws for an icon: its component rendered once, without the outer <svg>. */
function shapes(Icon: ComponentType) {
  const drawn = renderToStaticMarkup(createElement(Icon));
  return drawn.slice(drawn.indexOf('>') + 1, drawn.lastIndexOf('</svg>'));
}

export async function spriteText() {
  const symbols = [];
  for (const name of ICON_NAMES) {
    const { default: Icon } = (await import(`lucide-react/icons/${name}`)) as { default: ComponentType };
    symbols.push(`<symbol id="${name}" viewBox="0 0 24 24"${DRAWING}>${shapes(Icon)}</symbol>`);
  }
  return `<svg xmlns="http://www.w3.org/2000/svg">\n${symbols.join('\n')}\n</svg>\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  fs.writeFileSync(SPRITE, await spriteText());
  console.log(`wrote ${SPRITE}: ${ICON_NAMES.length} icons`);
}
