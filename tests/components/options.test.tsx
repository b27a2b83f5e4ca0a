// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { Options } from '@/components/Options';
import { exportCustomRules } from '@/utils/custom-rules';
import { setMessages } from '@/utils/i18n';
import { DEFAULT_SETTINGS, getSettings, type Settings, updateSettings } from '@/utils/settings';
import { MESSAGES } from './fixtures';

const RULES: Settings['customRules'] = {
  phrases: [{ kind: 'disclosure', phrase: '#pubbli' }],
  products: [{ name: 'Zorblax', aliases: ['زوربلاكس'] }],
  links: [{ name: 'Zorb referrals', host: 'zorblax.ai', param: 'via' }],
};

async function renderOptions(loadMessages = vi.fn(async (lang: 'en' | 'ar') => MESSAGES[lang])) {
  const view = render(<Options loadMessages={loadMessages} />);
  await screen.findByRole('heading', { level: 1 });
  return { ...view, loadMessages };
}

const setting = (container: Element, name: string) =>
  container.querySelector<HTMLInputElement>(`[data-setting="${name}"]`)!;

function chooseFile(input: HTMLInputElement, content: string, name = 'rules.json') {
  const file = new File([content], name, { type: 'application/json' });
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  fireEvent.change(input);
}

beforeEach(() => setMessages('en', MESSAGES.en));
afterEach(() => {
  cleanup();
  setMessages('', null);
  document.documentElement.removeAttribute('dir');
  document.documentElement.removeAttribute('lang');
});

describe('toggles save at once', () => {
  test.each([
    ['marks', (s: Settings) => s.marks, false],
    ['badge', (s: Settings) => s.badge, false],
    ['countPromotion', (s: Settings) => s.countPromotion, false],
    ['families.links', (s: Settings) => s.families.links, false],
    ['families.pressure', (s: Settings) => s.families.pressure, false],
  ])('%s', async (name, read, expected) => {
    const { container } = await renderOptions();
    const input = setting(container, name);
    expect(input.checked).toBe(true);
    fireEvent.click(input);
    await waitFor(async () => expect(read(await getSettings())).toBe(expected));
    expect(screen.getByRole('status').textContent).toBe('Saved');
    expect(setting(container, name).checked).toBe(false);
    // Everything else kept its default.
    const s = await getSettings();
    expect({ ...s, [name.split('.')[0]!]: undefined }).toMatchObject({
      ...DEFAULT_SETTINGS,
      [name.split('.')[0]!]: undefined,
    });
  });

  test('scope: AI only by default, all sponsored content when chosen', async () => {
    const { container } = await renderOptions();
    expect(setting(container, 'scope.ai').checked).toBe(true);
    fireEvent.click(setting(container, 'scope.all'));
    await waitFor(async () => expect((await getSettings()).scope).toBe('all'));
    fireEvent.click(setting(container, 'scope.ai'));
    await waitFor(async () => expect((await getSettings()).scope).toBe('ai'));
  });

  test('quick successive changes are all kept', async () => {
    const { container } = await renderOptions();
    for (const name of ['families.disclosure', 'families.links', 'families.codes', 'families.pressure'])
      fireEvent.click(setting(container, name));
    await waitFor(async () =>
      expect((await getSettings()).families).toEqual({
        disclosure: false,
        links: false,
        codes: false,
        pressure: false,
      }),
    );
  });

  test('a change made elsewhere (the popup) shows up', async () => {
    await renderOptions();
    await updateSettings({ pausedSites: ['linkedin.com'] });
    await screen.findByText('linkedin.com');
  });
});

describe('corrections ("This is wrong")', () => {
  test('lists hidden posts, muted authors and noisy rules; Undo removes each; nothing left says so', async () => {
    await updateSettings({
      feedback: {
        hidden: [{ key: 'k1', label: 'Jasper changed my life' }],
        muted: [{ author: '@maya', product: 'Jasper' }],
        noisy: [{ rule: 'en.cta.push', count: 2 }],
      },
    });
    const { container } = await renderOptions();
    const section = within(container.querySelector<HTMLElement>('#corrections')!);
    await section.findByText('Jasper changed my life');
    const texts = [...container.querySelectorAll('#corrections .item-text')].map((e) =>
      (e.textContent ?? '').replace(/[\u2066-\u2069]/g, ''),
    );
    expect(texts).toEqual(['Jasper changed my life', '@maya · Jasper', 'en.cta.push — reported 2×']);
    expect(section.getByRole('button', { name: /Export the noisy rules/ })).toBeTruthy();
    for (const button of section.getAllByRole('button', { name: /^Undo: / })) fireEvent.click(button);
    await waitFor(async () =>
      expect((await getSettings()).feedback).toEqual({ hidden: [], muted: [], noisy: [] }),
    );
    await section.findByText('Nothing corrected yet.');
  });
});

describe('paused sites', () => {
  test('adds a typed address as its host, refuses what is not a host, removes', async () => {
    const { container } = await renderOptions();
    const section = within(container.querySelector<HTMLElement>('#paused')!);
    const input = section.getByLabelText('Site to pause, e.g. example.com');
    fireEvent.input(input, { target: { value: 'not a host' } });
    fireEvent.click(section.getByRole('button', { name: 'Add' }));
    expect(screen.getByRole('alert').textContent).toBe('Enter a site name such as example.com.');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect((await getSettings()).pausedSites).toEqual([]);

    fireEvent.input(input, { target: { value: 'https://www.Example.com/some/path' } });
    fireEvent.click(section.getByRole('button', { name: 'Add' }));
    await waitFor(async () => expect((await getSettings()).pausedSites).toEqual(['example.com']));
    expect(screen.queryByRole('alert')).toBeNull();

    fireEvent.input(input, { target: { value: 'example.com' } });
    fireEvent.click(section.getByRole('button', { name: 'Add' }));
    expect(screen.getByRole('alert').textContent).toBe('That is already in the list.');

    fireEvent.click(screen.getByRole('button', { name: 'Remove ⁨example.com⁩' }));
    await waitFor(async () => expect((await getSettings()).pausedSites).toEqual([]));
    expect(document.activeElement).toBe(input);
  });
});

describe('custom rules', () => {
  test('adds a phrase with its kind, a product with aliases and a link pattern', async () => {
    const { container } = await renderOptions();
    const phrases = container.querySelector<HTMLElement>('[data-rules="phrases"]')!;
    fireEvent.input(phrases.querySelector('input')!, { target: { value: '#partenariat' } });
    fireEvent.change(phrases.querySelector('select')!, { target: { value: 'ambiguous-disclosure' } });
    fireEvent.submit(phrases.querySelector('form')!);

    const products = container.querySelector<HTMLElement>('[data-rules="products"]')!;
    const [name, aliases] = products.querySelectorAll('input');
    fireEvent.input(name!, { target: { value: 'Zorblax' } });
    fireEvent.input(aliases!, { target: { value: 'zorb, زوربلاكس،  ZBX ' } });
    fireEvent.submit(products.querySelector('form')!);

    const links = container.querySelector<HTMLElement>('[data-rules="links"]')!;
    const [host, param] = links.querySelectorAll('input');
    fireEvent.input(host!, { target: { value: 'https://www.zorblax.ai/pricing' } });
    fireEvent.input(param!, { target: { value: 'via' } });
    fireEvent.submit(links.querySelector('form')!);

    await waitFor(async () =>
      expect((await getSettings()).customRules).toEqual({
        phrases: [{ kind: 'ambiguous-disclosure', phrase: '#partenariat' }],
        products: [{ name: 'Zorblax', aliases: ['zorb', 'زوربلاكس', 'ZBX'] }],
        links: [{ name: 'zorblax.ai', host: 'zorblax.ai', param: 'via' }],
      }),
    );
    expect(links.textContent).toContain('zorblax.ai?via=');
  });

  test.each([
    ['phrases', ['   '], 'This can’t be empty.'],
    ['links', ['zorblax', 'via'], 'Enter a site name such as example.com.'],
    [
      'links',
      ['zorblax.ai', 'bad param!'],
      'A parameter name uses only letters, digits, “-” and “_”, such as ref.',
    ],
    ['products', ['x'.repeat(61), ''], 'That is too long.'],
  ])('refuses a bad %s entry with a readable reason', async (list, values, message) => {
    const { container } = await renderOptions();
    const box = container.querySelector<HTMLElement>(`[data-rules="${list}"]`)!;
    const inputs = box.querySelectorAll('input');
    values.forEach((v, i) => {
      fireEvent.input(inputs[i]!, { target: { value: v } });
    });
    fireEvent.submit(box.querySelector('form')!);
    expect(box.querySelector('[role="alert"]')!.textContent).toBe(message);
    expect((await getSettings()).customRules).toEqual(DEFAULT_SETTINGS.customRules);
  });

  test('removes one rule and keeps the rest', async () => {
    await updateSettings({ customRules: RULES });
    await renderOptions();
    fireEvent.click(await screen.findByRole('button', { name: 'Remove ⁨Zorblax⁩' }));
    await waitFor(async () => expect((await getSettings()).customRules).toEqual({ ...RULES, products: [] }));
  });

  test('import: a bad file shows the reason, naming the entry, and keeps the rules', async () => {
    await updateSettings({ customRules: RULES });
    const { container } = await renderOptions();
    const input = container.querySelector<HTMLInputElement>('input[type="file"]')!;
    const bad = {
      format: 'basira-custom-rules',
      version: 1,
      phrases: [
        { kind: 'disclosure', phrase: 'ok' },
        { kind: 'sorcery', phrase: 'abracadabra' },
      ],
      products: [],
      links: [],
    };
    chooseFile(input, JSON.stringify(bad));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('This file could not be imported. Your rules have not changed.');
    expect(alert.querySelector('.import-reason')!.textContent).toMatch(
      /^Entry 2 of the phrases: its type must be one of: Disclosure \(like/,
    );
    // Nothing changed, so nothing says it was saved.
    expect(container.textContent).not.toContain(MESSAGES.en.opt_saved!.message);
    expect((await getSettings()).customRules).toEqual(RULES);

    chooseFile(input, '{ not json');
    await waitFor(() =>
      expect(screen.getByRole('alert').querySelector('.import-reason')!.textContent).toMatch(/not JSON/),
    );
    expect((await getSettings()).customRules).toEqual(RULES);
  });

  test('import: a good file is merged, duplicates skipped, and the count is announced', async () => {
    await updateSettings({ customRules: RULES });
    const { container } = await renderOptions();
    const file = {
      format: 'basira-custom-rules',
      version: 1,
      phrases: [RULES.phrases[0], { kind: 'urgency', phrase: 'ends tonight' }],
      products: [{ name: 'Quillo', aliases: [] }],
      links: [],
    };
    chooseFile(container.querySelector<HTMLInputElement>('input[type="file"]')!, JSON.stringify(file));
    await screen.findByText('2 new rules added.');
    const rules = (await getSettings()).customRules;
    expect(rules.phrases).toEqual([...RULES.phrases, { kind: 'urgency', phrase: 'ends tonight' }]);
    expect(rules.products).toEqual([...RULES.products, { name: 'Quillo', aliases: [] }]);
    expect(rules.links).toEqual(RULES.links);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  test('export downloads exactly the stored rules as JSON through a Blob URL', async () => {
    await updateSettings({ customRules: RULES });
    await renderOptions();
    let blob: Blob | null = null;
    const create = vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
      blob = b as Blob;
      return 'blob:basira/1';
    });
    const clicked: HTMLAnchorElement[] = [];
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      clicked.push(this);
    });
    fireEvent.click(screen.getByRole('button', { name: 'Export rules' }));
    expect(create).toHaveBeenCalledOnce();
    expect(clicked[0]!.download).toBe('basira-rules.json');
    expect(clicked[0]!.getAttribute('href')).toBe('blob:basira/1');
    expect(clicked[0]!.isConnected).toBe(false); // the temporary link is gone
    expect(blob!.type).toBe('application/json');
    const text = await blob!.text();
    expect(text).toBe(exportCustomRules(RULES));
    expect(JSON.parse(text)).toMatchObject({ format: 'basira-custom-rules', version: 1, ...RULES });
    create.mockRestore();
    click.mockRestore();
  });
});

describe('back up and restore', () => {
  const backupInput = (container: Element) =>
    container.querySelector<HTMLInputElement>('[data-file="backup"] input[type="file"]')!;

  test('the backup downloads every setting, corrections and own rules included', async () => {
    const feedback = { hidden: [{ key: 'k1', label: 'Jasper post' }], muted: [], noisy: [] };
    await updateSettings({ customRules: RULES, feedback, pausedSites: ['example.com'] });
    await renderOptions();
    let blob: Blob | null = null;
    const create = vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
      blob = b as Blob;
      return 'blob:basira/2';
    });
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    fireEvent.click(screen.getByRole('button', { name: 'Back up settings' }));
    const saved = JSON.parse(await blob!.text());
    expect(saved).toEqual({ format: 'basira-settings', version: 1, settings: await getSettings() });
    expect(saved.settings).toMatchObject({ customRules: RULES, feedback, pausedSites: ['example.com'] });
    create.mockRestore();
    click.mockRestore();
  });

  test("restoring adds the file's corrections and rules to those here and says so", async () => {
    await updateSettings({ customRules: RULES });
    const { container } = await renderOptions();
    const hidden = [{ key: 'k9', label: 'A post hidden elsewhere' }];
    const backup = {
      format: 'basira-settings',
      version: 1,
      settings: {
        marks: false,
        feedback: { hidden, muted: [], noisy: [] },
        customRules: { phrases: [], products: [{ name: 'Quillo', aliases: [] }], links: [] },
      },
    };
    chooseFile(backupInput(container), JSON.stringify(backup), 'basira-settings.json');
    await within(container.querySelector('#backup')!).findByText('Settings restored from the file.');
    const s = await getSettings();
    expect(s.marks).toBe(false);
    expect(s.feedback.hidden).toEqual(hidden);
    expect(s.customRules.products.map((p) => p.name)).toEqual(['Zorblax', 'Quillo']);
    // The restored correction is listed, with its Undo.
    expect(container.querySelector('#corrections')!.textContent).toContain('A post hidden elsewhere');
  });

  test('a bad backup is refused in plain words naming the setting; nothing changes and nothing says "Saved"', async () => {
    await updateSettings({ customRules: RULES });
    const before = await getSettings();
    const { container } = await renderOptions();
    const backup = {
      format: 'basira-settings',
      version: 1,
      settings: { pausedSites: ['fine.example', 'no way'] },
    };
    chooseFile(backupInput(container), JSON.stringify(backup));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('This file could not be restored. Your settings have not changed.');
    expect(alert.querySelector('.import-reason')!.textContent).toBe(
      'entry 2 of the paused sites ("pausedSites") in the file: it must be a site\'s address or host name, such as example.com.',
    );
    expect(container.textContent).not.toContain(MESSAGES.en.opt_saved!.message);
    expect(await getSettings()).toEqual(before);

    chooseFile(backupInput(container), exportCustomRules(RULES));
    await waitFor(() =>
      expect(screen.getByRole('alert').querySelector('.import-reason')!.textContent).toMatch(
        /^This is a rules file, not a settings backup/,
      ),
    );
    expect(await getSettings()).toEqual(before);
  });
});

describe('reset', () => {
  test('asks first; resets every option and keeps the rules unless asked to delete them', async () => {
    await updateSettings({
      scope: 'all',
      marks: false,
      pausedSites: ['x.com'],
      families: { ...DEFAULT_SETTINGS.families, codes: false },
      customRules: RULES,
    });
    await renderOptions();
    const open = screen.getByRole('button', { name: 'Reset to defaults…' });
    fireEvent.click(open);
    expect(open.getAttribute('aria-expanded')).toBe('true');
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('button', { name: 'Reset' })).toBeNull();
    expect((await getSettings()).scope).toBe('all');

    fireEvent.click(open);
    fireEvent.click(screen.getByRole('button', { name: 'Reset' }));
    await waitFor(async () =>
      expect(await getSettings()).toEqual({ ...DEFAULT_SETTINGS, customRules: RULES }),
    );
    await screen.findByText('Settings are back to their defaults.');

    fireEvent.click(open);
    fireEvent.click(screen.getByLabelText('Also delete my own rules'));
    fireEvent.click(screen.getByRole('button', { name: 'Reset' }));
    await waitFor(async () => expect(await getSettings()).toEqual(DEFAULT_SETTINGS));
  });
});

describe('language', () => {
  test('switching to العربية saves it, loads the Arabic messages and turns the page right to left', async () => {
    const { loadMessages } = await renderOptions();
    fireEvent.change(screen.getByLabelText('Language of Basira'), { target: { value: 'ar' } });
    await waitFor(async () => expect((await getSettings()).language).toBe('ar'));
    await screen.findByRole('heading', { level: 1, name: 'إعدادات بصيرة' });
    expect(loadMessages).toHaveBeenCalledWith('ar');
    expect(document.documentElement.dir).toBe('rtl');
    expect(document.documentElement.lang).toBe('ar');
    fireEvent.change(screen.getByLabelText('لغة بصيرة'), { target: { value: 'en' } });
    await screen.findByRole('heading', { level: 1, name: 'Basira settings' });
    expect(document.documentElement.dir).toBe('ltr');
  });
});

describe('memory', () => {
  const memoryActions = () => ({
    read: vi.fn(async () => ({ entries: [], dropped: 0 })),
    forget: vi.fn(async () => undefined),
    paused: vi.fn(async () => false),
    notice: vi.fn(async () => null),
    dismissNotice: vi.fn(async () => undefined),
    openInsights: vi.fn(),
  });

  test('pause, retention and keeping addresses save at once; insights opens; forgetting asks first', async () => {
    const actions = memoryActions();
    const { container } = render(<Options memoryActions={actions} />);
    await screen.findByRole('heading', { level: 1 });
    fireEvent.click(setting(container, 'memory.on'));
    await waitFor(async () => expect((await getSettings()).memory.on).toBe(false));
    const retention = container.querySelector<HTMLSelectElement>('[data-setting="memory.retentionDays"]')!;
    fireEvent.change(retention, { target: { value: '30' } });
    await waitFor(async () => expect((await getSettings()).memory.retentionDays).toBe(30));
    fireEvent.click(setting(container, 'memory.keepPages'));
    await waitFor(async () =>
      expect((await getSettings()).memory).toEqual({ on: false, retentionDays: 30, keepPages: true }),
    );
    const section = container.querySelector<HTMLElement>('#memory')!;
    fireEvent.click(within(section).getByRole('button', { name: 'Insights' }));
    expect(actions.openInsights).toHaveBeenCalledOnce();
    fireEvent.click(within(section).getByRole('button', { name: 'Forget everything' }));
    expect(actions.forget).not.toHaveBeenCalled();
    fireEvent.click(within(section).getByRole('button', { name: 'Yes, forget everything' }));
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe('Everything remembered was deleted.'),
    );
    expect(actions.forget).toHaveBeenCalledOnce();
  });
});
