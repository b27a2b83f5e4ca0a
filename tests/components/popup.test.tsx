// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { Popup } from '@/components/Popup';
import { setMessages } from '@/utils/i18n';
import type { TabState } from '@/utils/protocol';
import { getSettings, updateSettings } from '@/utils/settings';
import { SOURCES } from '@/utils/sources';
import { extensionActions, type PopupActions } from '@/utils/ui/popup-actions';
import { finding, MESSAGES, SPONSORED, tabState } from './fixtures';

/** Actions around a fixed state; settings are the real ones, on the fake browser's storage. */
function actions(state: TabState | null, extra: Partial<PopupActions> = {}): PopupActions {
  return { ...extensionActions(async () => 7), load: async () => state, openOptions: vi.fn(), ...extra };
}

/** Visible text without the bidi isolation marks the messages put around page text. */
const plain = (s: string | null | undefined) => (s ?? '').replace(/[\u200e\u200f\u2066-\u2069]/g, '');
/** The cue lines of a finding: one per line, each after its bullet. */
const cueLinesOf = (el: Element | null) =>
  plain(el?.textContent)
    .split('\n')
    .map((l) => l.replace(/^• /, ''));

async function renderPopup(state: TabState | null, extra: Partial<PopupActions> = {}) {
  const a = actions(state, extra);
  const view = render(<Popup actions={a} pollMs={60_000} />);
  await waitFor(() =>
    expect(view.container.querySelector('.status')?.getAttribute('data-state')).not.toBe('loading'),
  );
  return { ...view, actions: a };
}

beforeEach(() => setMessages('en', MESSAGES.en));
afterEach(() => {
  cleanup();
  setMessages('', null);
});

describe('findings list', () => {
  test('shows exactly the state findings, in the given order, with verdict, platform and author', async () => {
    const { container } = await renderPopup(tabState([SPONSORED, finding()]));
    const items = [...container.querySelectorAll('.findings > li')];
    expect(items.map((li) => li.getAttribute('data-id'))).toEqual(['g-aside-1', 'g-div-3']);
    expect(container.querySelectorAll('.findings li')).toHaveLength(2); // nothing else is an <li> in the list
    const status = container.querySelector('.status')!;
    expect(status.getAttribute('data-state')).toBe('done');
    expect(status.getAttribute('data-count')).toBe('2');
    expect(status.textContent).toBe('2 findings');
    expect(within(items[0] as HTMLElement).getByText('Sponsored', { selector: '.chip' })).toBeTruthy();
    expect(plain(items[0]!.querySelector('.where')!.textContent)).toBe('X · @jasper_fan · Very likely');
    expect(within(items[1] as HTMLElement).getByText('Undisclosed', { selector: '.chip' })).toBeTruthy();
    expect(items[1]!.querySelector('.where')!.textContent).toBe('Web page · Very likely');
    expect(screen.getByText('news.example.org')).toBeTruthy();
  });

  test('a one-line legend says what red and amber mean, only when something is counted', async () => {
    const { container } = await renderPopup(tabState([SPONSORED, finding()]));
    expect(container.querySelector('.legend')?.textContent).toBe(
      'Red: a paid tie with no disclosureAmber: disclosed, or promotion without a tie',
    );
    cleanup();
    const empty = await renderPopup(tabState([]));
    expect(empty.container.querySelector('.legend')).toBeNull();
  });

  test('one finding reads "1 finding"', async () => {
    const { container } = await renderPopup(tabState([finding()]));
    expect(container.querySelector('.status')!.textContent).toBe('1 finding');
  });

  test('highlights the matched cues as <mark> text and leaves background cues plain', async () => {
    const { container } = await renderPopup(tabState([finding()]));
    const marks = [...container.querySelectorAll('.snippet mark')].map((m) => [
      m.textContent,
      m.getAttribute('data-kind'),
    ]);
    expect(marks).toEqual([
      ['game changer', 'hype'],
      ['Use code NEWS30', 'promo-code'],
      ['#collab', 'ambiguous-disclosure'],
    ]);
    // The whole snippet is still there, in order, and "AI" (a discourse cue) is not marked.
    expect(container.querySelector('.snippet')!.textContent).toBe(finding().snippet);
    for (const mark of container.querySelectorAll('.snippet mark')) {
      expect([...mark.childNodes].every((n) => n.nodeType === 3)).toBe(true);
    }
  });

  test('a cue outside the snippet window is not marked; one straddling its start is clipped', async () => {
    const f = finding({
      snippet: 'total game changer. Use code NEWS30',
      snippetStart: 27,
      cues: [
        { kind: 'hype', rule: 'r', text: 'game changer', lang: 'en', start: 33, end: 45, sources: [] },
        { kind: 'cta', rule: 'r', text: 'This AI', lang: 'en', start: 3, end: 10, sources: [] },
        { kind: 'urgency', rule: 'r', text: 'tool is a total', lang: 'en', start: 20, end: 32, sources: [] },
      ],
    });
    const { container } = await renderPopup(tabState([f]));
    const marks = [...container.querySelectorAll('.snippet mark')].map((m) => m.textContent);
    expect(marks).toEqual(['total', 'game changer']);
    expect(container.querySelector('.snippet')!.textContent).toBe(`… ${f.snippet}`);
  });

  test('explains each cue in plain words, starting with the missing disclosure', async () => {
    const { container } = await renderPopup(tabState([finding()]));
    const lines = cueLinesOf(container.querySelector('.cues'));
    expect(container.querySelector('.cues')!.childNodes).toHaveLength(1); // one text node
    expect(lines[0]).toBe('No disclosure found; “#collab” is ambiguous');
    expect(lines).toContain('Affiliate link: invideo.io');
    expect(lines).toContain('Discount code: “Use code NEWS30”');
    expect(lines).toContain('Hype: “game changer”');
    expect(lines.some((l) => l.includes('Reporting'))).toBe(false);
  });

  test('"This is wrong" offers hide, mute (author and product) and noisy; a choice is recorded and announced', async () => {
    const correct = vi.fn(async () => undefined);
    const f = finding({ author: '@maya', products: ['Jasper'] });
    const { container } = await renderPopup(tabState([f]), { correct });
    const wrong = screen.getByRole('button', { name: 'This is wrong' });
    fireEvent.click(wrong);
    expect(wrong.getAttribute('aria-expanded')).toBe('true');
    const choices = [...container.querySelectorAll<HTMLButtonElement>('.corrections button')];
    expect(choices.map((b) => plain(b.textContent))).toEqual([
      'Hide this post',
      'Never flag @maya for Jasper',
      'Report the rules as noisy (and hide this post)',
    ]);
    fireEvent.click(choices[1]!);
    expect(correct).toHaveBeenCalledWith(f, 'mute');
    await screen.findByText('Done: this post no longer counts. Undo it in the options.');
  });

  test("opened from a mark's Details: that finding is scrolled to, current and focused", async () => {
    const scrolled: string[] = [];
    const scroll = HTMLElement.prototype.scrollIntoView;
    HTMLElement.prototype.scrollIntoView = function () {
      scrolled.push((this as HTMLElement).dataset.id ?? '');
    };
    try {
      const second = { ...SPONSORED, id: 'g-div-9', order: 9 };
      const { container } = await renderPopup({ ...tabState([finding(), second]), focus: 'g-div-9' });
      await waitFor(() => expect(container.querySelector('[aria-current="true"]')).not.toBeNull());
      const current = container.querySelectorAll('[aria-current="true"]');
      expect([...current].map((li) => (li as HTMLElement).dataset.id)).toEqual(['g-div-9']);
      await waitFor(() => expect(document.activeElement).toBe(current[0]));
      expect(scrolled).toEqual(['g-div-9']);
    } finally {
      HTMLElement.prototype.scrollIntoView = scroll;
    }
  });

  test('an undisclosed finding without ambiguous wording says no disclosure was found', async () => {
    const f = finding({ cues: finding().cues.filter((c) => c.kind !== 'ambiguous-disclosure') });
    const { container } = await renderPopup(tabState([f]));
    expect(cueLinesOf(container.querySelector('.cues'))[0]).toBe('No disclosure found');
  });

  test('never renders page text as HTML', async () => {
    const evil = 'Try it <img src=x onerror=alert(1)> now <b>bold</b> & <script>alert(2)</script>';
    const f = finding({
      snippet: evil,
      excerpt: evil,
      author: '<img src=y onerror=alert(3)>',
      cues: [
        {
          kind: 'cta',
          rule: 'r',
          text: '<img src=x onerror=alert(1)>',
          lang: 'en',
          start: 7,
          end: 35,
          sources: [],
        },
      ],
    });
    const { container } = await renderPopup(tabState([f]));
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('b')).toBeNull();
    expect(container.querySelector('script')).toBeNull();
    expect(container.querySelector('.snippet')!.textContent).toBe(evil);
    expect(container.querySelector('.snippet mark')!.textContent).toBe('<img src=x onerror=alert(1)>');
    expect(plain(container.querySelector('.where')!.textContent)).toBe(
      'Web page · <img src=y onerror=alert(3)> · Very likely',
    );
    expect(cueLinesOf(container.querySelector('.cues'))[1]).toContain('<img src=x');
  });

  test('concerns: plain explanation and source links that open in a new tab', async () => {
    const { container } = await renderPopup(tabState([finding()]));
    const toggle = screen.getByRole('button', {
      name: 'Why it matters: Undisclosed endorsement · Commission link · Pressure and fear of missing out',
    });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(container.querySelector('.concerns')).toBeNull();
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const concerns = container.querySelector(`#${toggle.getAttribute('aria-controls')}`)!;
    const undisclosed = concerns.querySelector('[data-concern="undisclosed-endorsement"]')!;
    expect(undisclosed.querySelector('h3')!.textContent).toBe('Undisclosed endorsement');
    expect(undisclosed.textContent).toContain('has to say so clearly');
    const links = [...undisclosed.querySelectorAll('a')];
    expect(links.map((a) => a.getAttribute('href'))).toContain(SOURCES['ftc-255'].url);
    expect(links.map((a) => a.getAttribute('href'))).toContain(SOURCES['sa-mawthooq'].url);
    for (const a of links) {
      expect(a.getAttribute('href')).toMatch(/^https:\/\//);
      expect(a.getAttribute('target')).toBe('_blank');
      expect(a.getAttribute('rel')).toBe('noopener noreferrer');
      expect(a.textContent).toContain('(opens in a new tab)');
    }
    // Every source the popup cites is one a reader can open.
    for (const source of concerns.querySelectorAll('[data-source]'))
      expect(source.querySelector('a')).not.toBeNull();
    fireEvent.click(toggle);
    expect(container.querySelector('.concerns')).toBeNull();
  });

  test('"Show on page" asks the tab to show that item, and says so when it is gone', async () => {
    const show = vi.fn(async () => false);
    const { container } = await renderPopup(tabState([SPONSORED, finding()]), { show });
    const buttons = screen.getAllByRole('button', { name: 'Show on page' });
    fireEvent.click(buttons[1]!);
    await waitFor(() => expect(show).toHaveBeenCalledWith('g-div-3'));
    await waitFor(() =>
      expect(container.querySelector('.announce')!.textContent).toBe('This post is no longer on the page.'),
    );
  });
});

describe('states', () => {
  test.each([
    ['unsupported (no content script)', null, 'unsupported', 'This page can’t be checked', 'unsupported'],
    [
      'unsupported (status)',
      tabState([], { url: null, platform: null, status: 'unsupported' }),
      'unsupported',
      'This page can’t be checked',
      'unsupported',
    ],
    ['paused', tabState([], { status: 'paused' }), 'paused', 'Paused on this site', 'paused'],
    [
      'just resumed: the page still reports paused, the settings no longer do',
      tabState([], { status: 'paused' }),
      'scanning',
      'Scanning…',
      'scanning',
    ],
    ['scanning, nothing yet', tabState([], { status: 'scanning' }), 'scanning', 'Scanning…', 'scanning'],
    ['done, nothing flagged', tabState([]), 'done', 'Nothing flagged on this page', 'none'],
  ])('%s', async (name, state, dataState, status, empty) => {
    if (name === 'paused') await updateSettings({ pausedSites: ['example.org'] });
    const { container } = await renderPopup(state);
    await new Promise((r) => setTimeout(r, 20)); // the settings are read too
    expect(container.querySelector('.status')!.getAttribute('data-state')).toBe(dataState);
    expect(container.querySelector('.status')!.textContent).toBe(status);
    expect(container.querySelector('.empty')!.getAttribute('data-empty')).toBe(empty);
    expect(container.querySelectorAll('.findings li')).toHaveLength(0);
    expect(container.querySelector<HTMLElement>('.findings')!.hidden).toBe(true);
  });

  test('unsupported pages explain what is not scanned and offer no pause', async () => {
    await renderPopup(null);
    expect(screen.getByText(/Browser pages, PDFs and files on your computer/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Pause/ })).toBeNull();
  });

  test('the empty state mentions the AI-only scope, and not when all content counts', async () => {
    const first = await renderPopup(tabState([]));
    await waitFor(() => expect(screen.getByText(/Only promotion of AI products is counted/)).toBeTruthy());
    first.unmount();
    await updateSettings({ scope: 'all' });
    await renderPopup(tabState([]));
    await new Promise((r) => setTimeout(r, 20));
    expect(screen.queryByText(/Only promotion of AI products is counted/)).toBeNull();
  });
});

describe('pause', () => {
  test('the per-site pause adds the site to settings, and resume removes it', async () => {
    const { container } = await renderPopup(tabState([finding()]));
    fireEvent.click(screen.getByRole('button', { name: 'Pause on this site' }));
    await waitFor(async () => expect((await getSettings()).pausedSites).toEqual(['news.example.org']));
    await waitFor(() =>
      expect(container.querySelector('.status')!.getAttribute('data-state')).toBe('paused'),
    );
    expect(container.querySelector('.empty')!.getAttribute('data-empty')).toBe('paused');
    fireEvent.click(screen.getByRole('button', { name: 'Resume on this site' }));
    await waitFor(async () => expect((await getSettings()).pausedSites).toEqual([]));
  });

  test('resuming a subdomain removes the parent entry that covers it, and keeps the others', async () => {
    await updateSettings({ pausedSites: ['example.org', 'x.com'] });
    const { container } = await renderPopup(tabState([finding()]));
    await waitFor(() =>
      expect(container.querySelector('.status')!.getAttribute('data-state')).toBe('paused'),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Resume on this site' }));
    await waitFor(async () => expect((await getSettings()).pausedSites).toEqual(['x.com']));
  });
});

describe('navigation and languages', () => {
  test('About Basira: how it works, privacy, the context with its sources; and back', async () => {
    const { container } = await renderPopup(tabState([finding()]));
    fireEvent.click(screen.getByRole('button', { name: 'About Basira' }));
    const about = container.querySelector('.about')!;
    expect(about.textContent).toContain('Nothing leaves your device');
    // A figure whose only source has no address (the seed article's $1 billion) is not stated.
    expect(about.textContent).not.toContain('$1 billion');
    expect(about.textContent).toContain('$500,000');
    expect(about.textContent).toContain('$100,000');
    expect(about.textContent).toContain('half of US adults');
    const hrefs = [...about.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(hrefs).toEqual([SOURCES['rp-2026'].url, SOURCES['pew-2025'].url]);
    expect(about.querySelector('[data-source^="seed-"]')).toBeNull();
    expect(document.activeElement?.id).toBe('about-title');
    fireEvent.click(screen.getByRole('button', { name: 'Back to findings' }));
    expect(container.querySelectorAll('.findings > li')).toHaveLength(1);
  });

  test('the settings button opens the options page', async () => {
    const { actions: a } = await renderPopup(tabState([]));
    fireEvent.click(screen.getByRole('button', { name: 'Settings' }));
    expect(a.openOptions).toHaveBeenCalledOnce();
  });

  test('in Arabic: Arabic words, Arabic plural, page text untouched', async () => {
    setMessages('ar', MESSAGES.ar);
    const { container } = await renderPopup(tabState([SPONSORED, finding()]));
    expect(container.querySelector('.status')!.textContent).toBe('نتيجتان');
    expect(container.querySelector('.chip-undisclosed')!.textContent).toBe('غير مُفصَح عنه');
    expect(cueLinesOf(container.querySelector('.finding:nth-child(2) .cues'))[0]).toBe(
      'لا يوجد إفصاح واضح؛ و«#collab» عبارة مبهمة',
    );
    expect(container.querySelector('.snippet')!.getAttribute('dir')).toBe('auto');
    expect(container.querySelector('.finding:nth-child(2) .snippet')!.textContent).toBe(finding().snippet);
  });

  test('polling replaces the state only when it changed', async () => {
    let state = tabState([finding()]);
    const load = vi.fn(async () => state);
    const { container } = render(<Popup actions={actions(null, { load })} pollMs={20} />);
    await waitFor(() => expect(container.querySelectorAll('.findings > li')).toHaveLength(1));
    fireEvent.click(screen.getByRole('button', { name: /^Why it matters/ }));
    await waitFor(() => expect(load.mock.calls.length).toBeGreaterThan(3));
    expect(container.querySelector('.concerns')).not.toBeNull(); // still open: no re-render from scratch
    state = tabState([SPONSORED, finding()]);
    await waitFor(() => expect(container.querySelectorAll('.findings > li')).toHaveLength(2));
  });
});
