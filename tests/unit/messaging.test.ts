import { describe, expect, test, vi } from 'vitest';
import { dispatch, type Handlers, senderAllowed } from '@/utils/messaging';

const ID = 'basira-id';
const ORIGIN = 'chrome-extension://basira-id/';
const tabSender = { id: ID, tab: { id: 7 } as never, url: 'https://x.com/home' };
const popupSender = { id: ID, url: `${ORIGIN}popup.html` };

const VIEW = {
  scan: true,
  marks: true,
  scope: 'ai' as const,
  countPromotion: true,
  feedback: { hidden: [], muted: [] },
  rulesKey: 'k',
  language: 'auto' as const,
  messages: null,
};
const ITEM = { id: 'x-1', text: 'Try Jasper AI', links: [], labels: [], platform: 'x', order: 0 };

function handlers(): Handlers {
  return {
    'page:start': vi.fn(async () => VIEW),
    'page:view': vi.fn(async () => VIEW),
    'items:analyze': vi.fn(async () => ({ taken: true, flagged: [] })),
    'tab:get': vi.fn(async () => ({
      url: null,
      platform: null,
      status: 'unsupported' as const,
      findings: [],
      count: 0,
    })),
    'popup:open': vi.fn(async () => true),
    'finding:correct': vi.fn(async () => true),
    'memory:forget': vi.fn(async () => true),
  };
}

describe('senderAllowed', () => {
  test.each([
    ['content message from a tab', 'page:start', tabSender, true],
    ['content message without a tab', 'page:start', popupSender, false],
    ['content message from another extension', 'page:start', { ...tabSender, id: 'other' }, false],
    ['popup message from the popup', 'tab:get', popupSender, true],
    ['popup message from a content script', 'tab:get', tabSender, false],
    ['forgetting memory from an extension page', 'memory:forget', popupSender, true],
    ['forgetting memory from a content script', 'memory:forget', tabSender, false],
  ] as const)('%s → %s', (_n, type, sender, allowed) => {
    expect(senderAllowed(type, sender, ID, ORIGIN)).toBe(allowed);
  });
});

describe('dispatch', () => {
  test('runs the handler with parsed data', async () => {
    const h = handlers();
    const answer = await dispatch(
      { type: 'page:start', data: { url: 'https://x.com/', platform: 'x' } },
      tabSender,
      h,
      ID,
      ORIGIN,
    );
    expect(answer).toEqual(VIEW);
    expect(h['page:start']).toHaveBeenCalledOnce();
  });
  test('items reach the engine parsed, within the bounds of the wire', async () => {
    const h = handlers();
    const message = { type: 'items:analyze', data: { url: 'https://x.com/', items: [ITEM], done: true } };
    expect(await dispatch(message, tabSender, h, ID, ORIGIN)).toEqual({ taken: true, flagged: [] });
    expect(h['items:analyze']).toHaveBeenCalledWith(message.data, tabSender);
  });
  test.each([
    ['not an object', 'hello'],
    ['unknown type', { type: 'page:evil', data: {} }],
    ['bad payload', { type: 'page:start', data: { url: 5 } }],
    ['unknown platform', { type: 'page:start', data: { url: 'https://a/', platform: 'myspace' } }],
    [
      "a verdict instead of text (findings are the background's to make)",
      {
        type: 'page:findings',
        data: { url: 'https://a/', done: true, findings: [{ id: 'a', verdict: 'fine' }] },
      },
    ],
    [
      "an item over the wire's bounds",
      {
        type: 'items:analyze',
        data: { url: 'https://a/', done: true, items: [{ ...ITEM, text: 'x'.repeat(20_001) }] },
      },
    ],
    [
      'too many items in one batch',
      {
        type: 'items:analyze',
        data: {
          url: 'https://a/',
          done: true,
          items: Array.from({ length: 101 }, (_, i) => ({ ...ITEM, id: `x-${i}` })),
        },
      },
    ],
    [
      'an item without its place in page order',
      {
        type: 'items:analyze',
        data: { url: 'https://a/', done: true, items: [{ ...ITEM, order: undefined }] },
      },
    ],
    ['__proto__ payload', JSON.parse('{"type":"page:start","data":{"__proto__":{"x":1}}}')],
  ])('ignores %s', (_n, message) => {
    const h = handlers();
    expect(dispatch(message, tabSender, h, ID, ORIGIN)).toBeUndefined();
    for (const fn of Object.values(h)) expect(fn).not.toHaveBeenCalled();
  });
  test('ignores a popup-only message sent from a page', () => {
    const h = handlers();
    expect(dispatch({ type: 'tab:get', data: { tabId: 1 } }, tabSender, h, ID, ORIGIN)).toBeUndefined();
  });
});
