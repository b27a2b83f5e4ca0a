// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { Insights } from '@/components/Insights';
import { setMessages } from '@/utils/i18n';
import type { LedgerEntry } from '@/utils/memory/graph';
import type { MemoryActions } from '@/utils/ui/memory-actions';
import { MESSAGES } from './fixtures';

const NOW = Date.UTC(2026, 11, 4, 12);
const DAY = 86_400_000;
let n = 0;
const entry = (over: Partial<LedgerEntry> = {}): LedgerEntry => ({
  key: `k${++n}`,
  date: NOW,
  platform: 'instagram',
  host: 'instagram.com',
  postId: `ig-${n}`,
  author: '@maya',
  verdict: 'undisclosed',
  topic: 'ai',
  ties: [{ brand: 'HeyGen', kind: 'prior-partnership' }],
  products: ['HeyGen'],
  cueKinds: ['prior-partnership'],
  rules: ['memory.prior-partnership'],
  ...over,
});

function actions(entries: LedgerEntry[], extra: Partial<MemoryActions> = {}): MemoryActions {
  let kept = entries;
  return {
    read: vi.fn(async (since: number) => ({ entries: kept.filter((e) => e.date >= since), dropped: 0 })),
    forget: vi.fn(async () => {
      kept = [];
    }),
    paused: vi.fn(async () => false),
    notice: vi.fn(async () => null),
    dismissNotice: vi.fn(async () => undefined),
    openInsights: vi.fn(),
    ...extra,
  };
}

/** Text without the Unicode isolates placeholders are wrapped in. */
const plain = (s: string | null | undefined) => (s ?? '').replace(/[\u2066-\u2069]/g, '');

const SAMPLE = [
  entry({}),
  entry({ date: NOW - DAY }),
  entry({ verdict: 'sponsored', date: NOW - 10 * DAY, ties: [{ brand: 'HeyGen', kind: 'label' }] }),
  entry({ verdict: 'promotion', platform: 'x', author: '@lina', products: ['Gamma'], ties: [] }),
  entry({ date: NOW - 60 * DAY, platform: 'tiktok' }),
];

beforeEach(() => setMessages('en', MESSAGES.en));
afterEach(() => {
  cleanup();
  setMessages('', null);
  document.documentElement.removeAttribute('dir');
});

describe('insights page', () => {
  test('totals, the undisclosed share, each chart with its table, and creators with their disclosure record', async () => {
    const { container } = render(<Insights actions={actions(SAMPLE)} now={NOW} />);
    await screen.findByText('Flagged posts per day');
    const totals = container.querySelector('.totals')!;
    expect(totals.textContent).toContain('4'); // 30 days: the 60-day-old post is outside
    expect(totals.textContent).toContain('50%');
    // Every chart is a named figure followed by its data table.
    const figures = [...container.querySelectorAll('figure[role="img"]')];
    expect(figures.map((f) => plain(f.getAttribute('aria-label')))).toEqual([
      '4 flagged posts in this period; the busiest day, Dec 4, had 2',
      'Instagram: 3, X: 1',
      'HeyGen: 3, Gamma: 1',
    ]);
    const dailyTable = container.querySelector('#daily table')!;
    expect(within(dailyTable as HTMLElement).getAllByRole('row')).toHaveLength(1 + 3); // header + 3 days with posts
    expect(container.querySelectorAll('svg.daily rect.seg-undisclosed')).toHaveLength(2);
    const creators = [...container.querySelectorAll('.creators li')].map((li) => plain(li.textContent));
    expect(creators[0]).toContain('@maya: 3 promotions of HeyGen, 1 disclosed');
  });

  test('the period switches between 7, 30 and 90 days', async () => {
    const { container } = render(<Insights actions={actions(SAMPLE)} now={NOW} />);
    await screen.findByText('Flagged posts per day');
    fireEvent.click(screen.getByRole('button', { name: '90 days' }));
    await waitFor(() => expect(container.querySelector('.totals .big')!.textContent).toBe('5'));
    expect(screen.getByRole('button', { name: '90 days' }).getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(screen.getByRole('button', { name: '7 days' }));
    await waitFor(() => expect(container.querySelector('.totals .big')!.textContent).toBe('3'));
    expect(container.querySelectorAll('svg.daily rect').length).toBeGreaterThan(0);
  });

  test('nothing remembered: an empty state, exports disabled', async () => {
    render(<Insights actions={actions([])} now={NOW} />);
    await screen.findByText(/Nothing remembered in this period yet/);
    expect((screen.getByRole('button', { name: 'Export JSON' }) as HTMLButtonElement).disabled).toBe(true);
  });

  test('"Forget everything" asks first, then empties the page', async () => {
    const a = actions(SAMPLE);
    render(<Insights actions={a} now={NOW} />);
    await screen.findByText('Flagged posts per day');
    fireEvent.click(screen.getByRole('button', { name: 'Forget everything' }));
    expect(a.forget).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Yes, forget everything' }));
    await screen.findByText('Everything remembered was deleted.');
    expect(a.forget).toHaveBeenCalledOnce();
    expect(screen.getByText(/Nothing remembered in this period yet/)).toBeTruthy();
  });

  test('an unreadable ledger says so; a rebuilt one shows its notice, which can be dismissed', async () => {
    const broken = actions([], { read: vi.fn(async () => Promise.reject(new Error('quota'))) });
    render(<Insights actions={broken} now={NOW} />);
    expect(plain((await screen.findByRole('alert')).textContent)).toContain(
      'Memory could not be read here: quota',
    );
    cleanup();
    const rebuilt = actions(SAMPLE, { notice: vi.fn(async () => ({ date: NOW, reason: 'x' })) });
    render(<Insights actions={rebuilt} now={NOW} />);
    await screen.findByText(/could not be read and was started again, empty/);
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    await waitFor(() => expect(rebuilt.dismissNotice).toHaveBeenCalledOnce());
  });

  test('in Arabic the page reads right to left and time runs from the right', async () => {
    setMessages('ar', MESSAGES.ar);
    document.documentElement.dir = 'rtl';
    const { container } = render(<Insights actions={actions(SAMPLE)} now={NOW} />);
    await screen.findByText('المنشورات المُعلَّمة في كل يوم');
    const rects = [...container.querySelectorAll('svg.daily rect.seg-undisclosed')];
    const xs = rects.map((r) => Number.parseFloat(r.getAttribute('x')!));
    // Today (the last day) is drawn leftmost in RTL.
    expect(Math.min(...xs)).toBeLessThan(5);
  });
});
