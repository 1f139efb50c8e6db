// The forum in a real browser: ask with the editor (toolbar by keyboard, @mention), reply,
// accept, react, flag, moderate; search with inflected words; an XSS corpus rendered in
// Chromium with a dialog and sentinel trap; no editor code on a thread until someone writes.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { XSS_PAYLOADS } from '../fixtures/xss-payloads';
import {
  baseURL,
  demo,
  DEMO_PASSWORD,
  expectNoAxeViolations,
  login,
  newPage,
  setupBrowser,
  waitForMail,
} from './browser';

setupBrowser();

async function editorReady(page: Page) {
  await page.locator('.editor__content[contenteditable=true]').waitFor();
}

async function askQuestion(page: Page, title: string) {
  await page.goto('/forum/new');
  await page.getByLabel('Alue').selectOption({ label: 'Kela / OmaKanta / Suomi.fi' });
  await page.getByLabel('Otsikko', { exact: true }).fill(title);
  await page.getByLabel('iPhone').check();
  await editorReady(page);
}

describe('asking, answering and moderating', () => {
  it('an adviser asks with the keyboard-only toolbar and a mention; the trainer is told, answers and is accepted; others react, flag and a coordinator hides', async () => {
    const since = Date.now();
    const asker = await newPage();
    await login(asker, demo('adviser'));
    const title = `Kela-sovellus kaatuu käynnistyessä ${since}`;
    await askQuestion(asker, title);

    // Keyboard only: the toolbar is one Tab stop before the text; arrows, Home and End move
    // inside it; Tab goes on to the text; Enter presses a button.
    const editor = asker.locator('.editor__content');
    const focused = () => asker.evaluate(() => document.activeElement?.textContent);
    await editor.focus();
    await asker.keyboard.press('Shift+Tab');
    expect(await focused()).toContain('Lihavointi');
    await asker.keyboard.press('ArrowRight');
    expect(await focused()).toContain('Kursiivi');
    await asker.keyboard.press('End');
    expect(await focused()).toContain('Tee uudelleen');
    await asker.keyboard.press('Home');
    expect(await focused()).toContain('Lihavointi');
    await asker.keyboard.press('Tab');
    await asker.keyboard.type('Tärkeää:');
    await expect.poll(() => editor.textContent()).toBe('Tärkeää:');
    await asker.keyboard.press('Shift+Home');
    await expect.poll(() => asker.evaluate(() => String(window.getSelection()))).toBe('Tärkeää:');
    // As below: ProseMirror reads the new selection a task after the browser's; Bold pressed
    // before that would only set a mark for the next typed text.
    await asker.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
    await asker.keyboard.press('Shift+Tab');
    await asker.keyboard.press('Enter'); // Bold on the selection; focus returns to the text
    await expect.poll(() => editor.innerHTML()).toContain('<strong>Tärkeää:</strong>');
    await asker.keyboard.press('End');
    // ProseMirror takes the caret from the browser's selectionchange event, a task later: under
    // load, typing straight after End could still replace the old selection.
    await expect.poll(() => asker.evaluate(() => window.getSelection()?.isCollapsed)).toBe(true);
    await asker.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
    await asker.keyboard.press('Control+b');
    await asker.keyboard.type(' sovellus kaatuu heti. Kysyn ');
    await asker.keyboard.type('@Mikael');
    await asker.getByRole('option', { name: /Mikael Lindqvist/ }).waitFor();
    await asker.keyboard.press('Enter');
    await expect.poll(() => editor.innerHTML()).toContain('<strong>Tärkeää:</strong>');
    await Promise.all([
      asker.waitForURL(/\/forum\/t\//),
      asker.getByRole('button', { name: 'Julkaise kysymys' }).click(),
    ]);
    await expect
      .poll(() => asker.locator('.post__body').first().innerHTML())
      .toContain('<span class="mention">@Mikael Lindqvist</span>');
    const threadUrl = new URL(asker.url()).pathname;

    // The trainer hears of the mention in the bell and by e-mail, opens it and answers.
    const mail = await waitForMail(demo('trainer'), since);
    expect(mail).toContain(title);
    const trainer = await newPage();
    await login(trainer, demo('trainer'));
    await trainer.goto('/notifications?lng=fi');
    const notification = trainer.getByRole('link', { name: new RegExp(title) }).first();
    await notification.click();
    await trainer.waitForURL(/\/forum\/t\//);
    // The trainer uses Tukiverkko in Swedish (their profile language).
    // The editor loads on focus; typing starts at once, and no keystroke is lost while it loads.
    await trainer.getByLabel('Svar', { exact: true }).focus();
    await trainer.keyboard.type('Päivitä Kela-sovellus App Storesta');
    await editorReady(trainer);
    await trainer.keyboard.type(' ja käynnistä puhelin uudelleen.');
    await expect
      .poll(() => trainer.locator('.editor__content').textContent())
      .toBe('Päivitä Kela-sovellus App Storesta ja käynnistä puhelin uudelleen.');
    await Promise.all([
      trainer.waitForURL(/#post-/),
      trainer.getByRole('button', { name: 'Skicka svar' }).click(),
    ]);
    const answer = trainer.locator('article.post').nth(1);
    await expect.poll(() => answer.textContent()).toContain('Päivitä Kela-sovellus');

    // The asker accepts it: it is shown right under the question, and thanks the trainer.
    await asker.goto(threadUrl);
    await asker.getByRole('button', { name: 'Merkitse hyväksytyksi vastaukseksi' }).click();
    await asker.locator('.accepted-answer').waitFor();
    await expect
      .poll(() => asker.locator('.accepted-answer').textContent())
      .toContain('Päivitä Kela-sovellus');
    const thanks = asker
      .locator('ol.posts > li')
      .nth(0)
      .locator('article.post')
      .nth(1)
      .getByRole('button', { name: /Kiitos/ });
    await thanks.click();
    await expect.poll(() => thanks.getAttribute('aria-pressed')).toBe('true');
    await expectNoAxeViolations(asker);

    // Another adviser flags the answer; a coordinator hides it from the queue with a reason.
    const flagger = await newPage();
    await login(flagger, 'erkki.heinonen@demo.tukiverkko.test');
    await flagger.goto(threadUrl);
    const reply = flagger.locator(`article.post`).filter({ hasText: 'Päivitä Kela-sovellus' }).last();
    await reply.getByText('Ilmoita', { exact: true }).click();
    await reply.getByLabel('Miksi ilmoitat viestistä?').selectOption('off_topic');
    await reply.getByRole('button', { name: 'Lähetä ilmoitus' }).click();
    await flagger.locator('.notice--success').waitFor();

    const coordinator = await newPage();
    await login(coordinator, demo('coordinator'));
    await coordinator.goto('/forum/moderation?lng=fi');
    const card = coordinator.locator('.card').filter({ hasText: title });
    await card.getByLabel('Syy').fill('Väärä alue');
    await card.getByRole('button', { name: 'Piilota viesti' }).click();
    await coordinator.locator('.notice--success').waitFor();
    await expectNoAxeViolations(coordinator);

    await flagger.goto(threadUrl);
    expect(await flagger.locator('article.post').filter({ hasText: 'Päivitä Kela-sovellus' }).count()).toBe(
      0,
    );
    await trainer.goto(threadUrl);
    await expect.poll(() => trainer.locator('.post--hidden').textContent()).toContain('Väärä alue');
  });
});

/** A member's session for plain form posts (what a browser without JavaScript sends). */
async function session(email: string) {
  const response = await fetch(`${baseURL}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { Origin: baseURL, 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ email, password: DEMO_PASSWORD }),
  });
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return (path: string, form: Record<string, string>) =>
    fetch(`${baseURL}${path}`, {
      method: 'POST',
      redirect: 'manual',
      headers: { Origin: baseURL, Cookie: cookie, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(form),
    });
}

describe('a thread longer than a page', () => {
  it("a post's Report and More actions on page 2 open under that post and come back to page 2", async () => {
    const coordinator = await newPage();
    await login(coordinator, demo('coordinator'));
    await coordinator.goto('/forum/new');
    const categoryId = await coordinator
      .getByLabel('Alue')
      .locator('option', { hasText: 'Kela / OmaKanta / Suomi.fi' })
      .getAttribute('value');
    const asker = await session(demo('adviser'));
    const title = `Pitkä ketju ${Date.now().toString(36)}`;
    const asked = await asker('/forum/new', {
      categoryId: categoryId!,
      title,
      language: 'fi',
      bodyText: 'Kysymys, johon vastataan monta kertaa.',
    });
    const thread = asked.headers.get('location')!.split(/[?#]/)[0]!;
    expect(thread).toMatch(/^\/forum\/t\/[0-9a-f-]{36}$/);
    // 21 replies: a member may post once in 5 s, so seven members take turns.
    const writers = await Promise.all(
      ['trainer', 'org_admin', 'admin', 'eservice_rep']
        .map((r) => session(demo(r)))
        .concat(
          ['seppo.jarvinen', 'ulla.lehtonen', 'kari.saarinen'].map((n) =>
            session(`${n}@demo.tukiverkko.test`),
          ),
        ),
    );
    for (let round = 0; round < 3; round++) {
      if (round) await new Promise((resolve) => setTimeout(resolve, 5_500));
      const sent = await Promise.all(
        writers.map((post, i) => post(thread, { intent: 'reply', bodyText: `Vastaus ${round * 7 + i + 1}` })),
      );
      for (const response of sent) expect(response.status).toBeLessThan(400);
    }

    await coordinator.goto(`${thread}?page=2`);
    const post = coordinator.locator('article.post').first();
    const postId = (await post.getAttribute('id'))!.slice('post-'.length);
    await post.getByRole('link', { name: 'Ilmoita', exact: true }).click();
    await coordinator.waitForURL(`**${thread}?page=2&flag=${postId}#flag-${postId}`);
    await post.getByLabel('Miksi ilmoitat viestistä?').waitFor();
    await post.getByRole('link', { name: 'Peruuta' }).click();
    await coordinator.waitForURL(`**${thread}?page=2#post-${postId}`);

    // Staff's steps are behind one link per post: under a post, Quote, Report and More actions.
    const buttons = (article: typeof post) =>
      article
        .locator('.post__actions')
        .evaluate((el) => [...el.querySelectorAll('a, button, summary')].map((b) => b.textContent?.trim()));
    expect(await buttons(post)).toEqual(['Lainaa', 'Ilmoita', 'Lisää toimintoja']);
    // One panel, under the post chosen, focused and named; every step comes back to page 2.
    await post.getByRole('link', { name: 'Lisää toimintoja' }).click();
    await coordinator.waitForURL(`**${thread}?page=2&actions=${postId}#actions-${postId}`);
    const panel = coordinator.getByRole('region', { name: 'Muut toiminnot tälle viestille' });
    await expect.poll(() => panel.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await coordinator.locator('section[id^="actions-"]').count()).toBe(1);
    await expectNoAxeViolations(coordinator);
    await panel.getByLabel('Syy').fill('Ei kuulu tähän ketjuun');
    await panel.getByRole('button', { name: 'Piilota viesti' }).click();
    await coordinator.locator('.notice--success').waitFor();
    await coordinator.waitForURL((url) => url.search === '?page=2');
    await expect.poll(() => post.locator('.notice--error').textContent()).toContain('Ei kuulu tähän ketjuun');
    expect(await coordinator.locator('section[id^="actions-"]').count()).toBe(0);

    // A trainer's check of an answer is in the same panel, as is making library material of it.
    const next = coordinator.locator('article.post').nth(1);
    await next.getByRole('link', { name: 'Lisää toimintoja' }).click();
    await panel.waitFor();
    expect(await panel.getByRole('button', { name: 'Tee tästä kirjaston materiaali' }).count()).toBe(1);
    await panel.getByRole('button', { name: 'Merkitse vahvistetuksi' }).click();
    await coordinator.waitForURL((url) => url.search === '?page=2');
    await expect.poll(() => next.locator('.badge--verified').count()).toBe(1);
    expect(await coordinator.locator('section[id^="actions-"]').count()).toBe(0);

    // The asker accepts that answer on page 2: its copy under the question on page 1 opens its
    // report form and its panel there, under the copy.
    const nextId = (await next.getAttribute('id'))!.slice('post-'.length);
    expect((await asker(thread, { intent: 'accept', postId: nextId })).status).toBeLessThan(400);
    await coordinator.goto(thread);
    const copy = coordinator.locator('.accepted-answer article.post');
    await copy.getByRole('link', { name: 'Ilmoita', exact: true }).click();
    await coordinator.waitForURL(`**${thread}?flag=${nextId}#flag-${nextId}`);
    await copy.getByLabel('Miksi ilmoitat viestistä?').waitFor();
    await coordinator.goto(thread);
    await copy.getByRole('link', { name: 'Lisää toimintoja' }).click();
    await coordinator.waitForURL(`**${thread}?actions=${nextId}#actions-${nextId}`);
    await copy.getByRole('region', { name: 'Muut toiminnot tälle viestille' }).waitFor();
  });
});

describe('search', () => {
  it('finds threads by inflected words in Finnish, Swedish and English from the header search box', async () => {
    const page = await newPage();
    await login(page, demo('adviser'));
    for (const [query, expected] of [
      ['kirjastossa', 'OmaKanta-kirjautuminen ei onnistu vanhalla iPhonella'],
      ['bankkoder', 'Bankkoder på papper upphör'],
      ['clicking messages', 'Resident clicked a fake parcel-delivery text message'],
    ] as const) {
      await page.getByLabel('Hae intranetistä').fill(query);
      await Promise.all([
        page.waitForURL(/\/search\?q=/),
        page.getByLabel('Hae intranetistä').press('Enter'),
      ]);
      await expect.poll(() => page.locator('.search-results').textContent()).toContain(expected);
      expect(await page.locator('.search-results mark').count()).toBeGreaterThan(0);
    }
    await expectNoAxeViolations(page);
  });
});

describe('search that forgives', () => {
  it('finds a compound by its part and a word with a slip, and offers the word meant', async () => {
    const page = await newPage();
    await login(page, demo('adviser'));
    await page.goto('/search?q=certifikat');
    await expect
      .poll(() => page.locator('.search-results').textContent())
      .toContain('Bankkoder på papper upphör');
    await page.goto('/search?q=mobilcertifkat');
    await expect
      .poll(() => page.locator('.search-results').textContent())
      .toContain('Bankkoder på papper upphör');
    const meant = page.locator('.search-suggestion a');
    expect(await meant.textContent()).toBe('mobilcertifikat');
    await meant.focus();
    await Promise.all([page.waitForURL(/q=mobilcertifikat(&|$)/), page.keyboard.press('Enter')]);
    // The address changes before the new results render: wait for the page, not the URL.
    await expect.poll(() => page.locator('.search-suggestion').count()).toBe(0);
    await expectNoAxeViolations(page);
  });
});

describe('suggestions while typing', () => {
  it('the header search suggests after two letters; arrows, Enter and Escape work it', async () => {
    const page = await newPage();
    await login(page, demo('adviser'));
    const box = page.getByRole('combobox', { name: 'Hae intranetistä' });
    await box.pressSequentially('mobilcert', { delay: 30 });
    const listbox = page.getByRole('listbox', { name: 'Ehdotukset' });
    await expect.poll(() => listbox.isVisible()).toBe(true);
    expect(await box.getAttribute('aria-expanded')).toBe('true');
    await expectNoAxeViolations(page);
    await box.press('Escape');
    await expect.poll(() => listbox.isVisible()).toBe(false);
    await box.press('ArrowDown');
    await expect.poll(() => box.getAttribute('aria-activedescendant')).toBe('header-search-suggestions-0');
    const first = await page.locator('#header-search-suggestions-0').textContent();
    expect(first).toMatch(/mobilcertifikat/i);
    const before = page.url();
    await box.press('Enter');
    await expect.poll(() => page.url()).not.toBe(before);
    expect(page.url()).not.toContain('/search');
  });

  it('support points and e-services are suggested too, by name in any language, and open from the list', async () => {
    const page = await newPage({ width: 390, height: 844, touch: true });
    await login(page, demo('adviser'));
    await page.goto('/search');
    const box = page.getByRole('combobox', { name: 'Hakusanat' });
    await box.pressSequentially('MinaKan', { delay: 30 });
    const option = page.getByRole('option', { name: /OmaKanta|MinaKanta/ });
    await expect.poll(() => option.first().textContent()).toContain('Sähköinen palvelu');
    await box.fill('');
    await box.pressSequentially('Berghäll', { delay: 30 });
    const point = page.getByRole('option', { name: /Kallion kirjasto/ });
    await expect.poll(() => point.count()).toBe(1);
    expect(await point.textContent()).toContain('Tukipiste');
    await Promise.all([page.waitForURL('**/support-points/kallio-kirjasto'), point.click()]);
    await page.goto('/search?q=bibliotek&kind=support_point');
    await expect.poll(() => page.locator('.search-result').count()).toBeGreaterThan(3);
    // A filter in use: the filters are open and say how many.
    expect(await page.locator('details.filter-disclosure').getAttribute('open')).not.toBeNull();
    await expect
      .poll(() => page.locator('details.filter-disclosure > summary').textContent())
      .toContain('1 rajaus');
    await expectNoAxeViolations(page);
    // None in use: the filters wait behind "Rajaa hakua" and the results start on the first screen.
    await page.goto('/search?q=kirjasto');
    expect(await page.locator('details.filter-disclosure').getAttribute('open')).toBeNull();
    const status = await page.getByRole('status').filter({ hasText: 'kirjasto' }).boundingBox();
    expect(status!.y + status!.height).toBeLessThan(844);
    await page.getByText('Rajaa hakua').tap();
    await expect.poll(() => page.getByLabel('Kirjoittaja').isVisible()).toBe(true);
    await expectNoAxeViolations(page);
  });

  it('on a phone, a new question lists questions asked already while its title is typed; one opens and the draft waits', async () => {
    const page = await newPage({ width: 390, height: 844, touch: true });
    await login(page, demo('adviser'));
    await page.goto('/forum/new');
    await page
      .getByLabel('Otsikko', { exact: true })
      .pressSequentially('OmaKanta kirjautuminen ei onnistu iPhonella', { delay: 10 });
    const asked = page.getByRole('region', { name: 'Onko tätä jo kysytty?' });
    await expect
      .poll(() => asked.textContent())
      .toContain('OmaKanta-kirjautuminen ei onnistu vanhalla iPhonella');
    await expectNoAxeViolations(page);
    await Promise.all([
      page.waitForURL(/\/forum\/(t|p)\//),
      asked.getByRole('link', { name: 'OmaKanta-kirjautuminen ei onnistu vanhalla iPhonella' }).click(),
    ]);
    await page.goBack();
    await expect
      .poll(() => page.getByLabel('Otsikko', { exact: true }).inputValue())
      .toBe('OmaKanta kirjautuminen ei onnistu iPhonella');
  });
});

describe('rich text in the real browser', () => {
  it(`${XSS_PAYLOADS.length} injection payloads in text, links, images and mentions run nothing`, async () => {
    const page = await newPage();
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await login(page, 'marjatta.koskinen@demo.tukiverkko.test');
    await page.goto('/forum/new');
    const categoryId = await page.getByLabel('Alue').locator('option').nth(1).getAttribute('value');
    const content = XSS_PAYLOADS.flatMap((p) => [
      {
        type: 'paragraph',
        content: [
          { type: 'text', text: p },
          { type: 'text', text: ' link', marks: [{ type: 'link', attrs: { href: p } }] },
        ],
      },
      { type: 'image', attrs: { src: p, alt: p } },
      { type: 'mention', attrs: { id: p, label: p } },
    ]);
    // Posted the way a tampered browser would: straight to the action, bypassing the editor.
    const status = await page.evaluate(
      async ({ categoryId, body }) => {
        const form = new URLSearchParams({
          categoryId: categoryId!,
          title: 'XSS-testi',
          language: 'en',
          body,
        });
        const response = await fetch('/forum/new', { method: 'POST', body: form, redirect: 'follow' });
        return { status: response.status, url: response.url };
      },
      { categoryId, body: JSON.stringify({ type: 'doc', content }) },
    );
    expect(status.status).toBe(200);
    await page.goto(new URL(status.url).pathname);
    await page.locator('.post__body').first().waitFor();
    const found = await page.evaluate(() => {
      const bodies = [...document.querySelectorAll('.post__body')];
      const bad: string[] = [];
      for (const el of bodies.flatMap((b) => [...b.querySelectorAll('*')])) {
        if (
          ![
            'P',
            'A',
            'IMG',
            'SPAN',
            'STRONG',
            'EM',
            'S',
            'CODE',
            'UL',
            'OL',
            'LI',
            'BLOCKQUOTE',
            'H2',
            'H3',
            'HR',
            'BR',
          ].includes(el.tagName)
        )
          bad.push(el.tagName);
        for (const attr of el.getAttributeNames())
          if (attr.startsWith('on') || attr === 'style') bad.push(`${el.tagName}@${attr}`);
        const href = el.getAttribute('href');
        if (href && !/^(https?:|mailto:|\/(?!\/))/i.test(href)) bad.push(`href=${href}`);
      }
      return {
        bad,
        sentinel: (window as unknown as { __xss?: number }).__xss,
        text: bodies[0]!.textContent!.length,
      };
    });
    await page.mouse.move(10, 10);
    await page.mouse.move(300, 400);
    await page.keyboard.press('Tab');
    expect(found.bad).toEqual([]);
    expect(found.sentinel).toBeUndefined();
    expect(found.text).toBeGreaterThan(1000); // the payloads are there, as text
    expect(dialogs).toEqual([]);
  });

  it('a thread ships no editor code until the reader starts a reply', async () => {
    const page = await newPage();
    await login(page, demo('adviser'));
    await page.goto('/forum/kela-omakanta-suomifi');
    const threadHref = await page.locator('.thread-row a').first().getAttribute('href');
    const scripts: string[] = [];
    page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(r.url());
    });
    await page.goto(threadHref!);
    await page.locator('#reply textarea').waitFor();
    const before = [...scripts];
    expect(await page.evaluate(() => document.querySelector('.ProseMirror'))).toBeNull();
    await page.locator('#reply textarea').focus();
    await editorReady(page);
    const loadedForEditor = scripts.filter((s) => !before.includes(s));
    expect(loadedForEditor.length).toBeGreaterThan(0);
    expect(loadedForEditor.some((s) => /editor/i.test(s))).toBe(true);
  });
});

describe('forum pages pass axe in every language', () => {
  // A few pages per test, so that a loaded machine does not push one test past its limit.
  let thread = '';
  let post = '';
  const reading = () => [
    [
      '/forum',
      '/forum/kela-omakanta-suomifi',
      '/forum/kela-omakanta-suomifi?show=solved&device=iphone',
      thread,
    ],
    [`/forum/p/${post}/history`, '/forum/moderation', '/forum/categories'],
    ['/search?q=kirjasto', '/search?q=mobilcertifkat', '/notifications', '/profile/notifications'],
  ];
  const cases = ['fi', 'sv', 'en'].flatMap((lng) => [0, 1, 2].map((group) => ({ lng, group })));

  beforeAll(async () => {
    const page = await newPage();
    await login(page, demo('admin'));
    await page.goto('/forum/kela-omakanta-suomifi');
    thread = (await page.locator('.thread-row a').first().getAttribute('href'))!;
    await page.goto(thread);
    post = (await page.locator('ol.posts > li > article.post').nth(1).getAttribute('id'))!.replace(
      'post-',
      '',
    );
  });

  it.each(cases)('$lng, reading pages group $group', async ({ lng, group }) => {
    const page = await newPage();
    await login(page, demo('admin'));
    for (const path of reading()[group]!) {
      await page.goto(`${path}${path.includes('?') ? '&' : '?'}lng=${lng}`);
      expect(await page.locator('h1').count()).toBe(1);
      await expectNoAxeViolations(page);
    }
  });

  it.each(['fi', 'sv', 'en'])('%s, pages that edit, with the editor loaded', async (lng) => {
    const page = await newPage();
    await login(page, demo('admin'));
    await page.goto(`/forum/new?lng=${lng}`);
    await editorReady(page);
    await expectNoAxeViolations(page);
    await page.goto(`${thread}?lng=${lng}`);
    await page.locator('#reply textarea').focus();
    await editorReady(page);
    await expectNoAxeViolations(page);
  });
});
