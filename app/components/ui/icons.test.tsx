import fs from 'node:fs';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { spriteText } from '../../../scripts/icon-sprite';
import { ICON_NAMES } from './icon-names';
import { BellIcon, CalendarIcon } from './icons';

describe('icons', () => {
  it('the committed sprite is what the installed Lucide draws for every named icon', async () => {
    const committed = fs.readFileSync(new URL('./icons.svg', import.meta.url), 'utf8');
    expect(committed).toBe(await spriteText());
    for (const name of ICON_NAMES)
      expect(committed).toContain(
        `<symbol id="${name}" viewBox="0 0 24 24" fill="none" stroke="currentColor"`,
      );
  });

  it('an icon is a decorative reference into the sprite, in the text colour', () => {
    const html = renderToStaticMarkup(<CalendarIcon size={20} className="feed__icon" />);
    expect(html).toMatch(/^<svg width="20" height="20" class=/);
    expect(html).toContain('class="lucide lucide-calendar feed__icon"');
    expect(html).toContain('aria-hidden="true"');
    expect(html).toMatch(/<use href="[^"]*icons[^"]*\.svg#calendar"><\/use><\/svg>$/);
    expect(renderToStaticMarkup(<BellIcon />)).toContain('width="24"');
  });
});
