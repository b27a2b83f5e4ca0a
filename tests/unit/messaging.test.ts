import { describe, expect, test, vi } from 'vitest';
import { dispatch, type Handlers, senderAllowed } from '@/utils/messaging';

const ID = 'basira-id';
const ORIGIN = 'chrome-extension://basira-id/';
const tabSender = { id: ID, tab: { id: 7 } as never, url: 'https://x.com/home' };
const popupSender = { id: ID, url: `${ORIGIN}popup.html` };

function handlers(): Handlers {
  return {
    'page:start': vi.fn(async () => null),
    'page:findings': vi.fn(async () => ({ count: 1 })),
    'tab:get': vi.fn(async () => ({
      url: null,
      platform: null,
      status: 'unsupported' as const,
      findings: [],
      count: 0,
    })),
    'popup:open': vi.fn(async () => true),
    'i18n:messages': vi.fn(async () => ({})),
  };
}

describe('senderAllowed', () => {
  test.each([
    ['content message from a tab', 'page:start', tabSender, true],
    ['content message without a tab', 'page:start', popupSender, false],
    ['content message from another extension', 'page:start', { ...tabSender, id: 'other' }, false],
    ['popup message from the popup', 'tab:get', popupSender, true],
    ['popup message from a content script', 'tab:get', tabSender, false],
  ] as const)('%s → %s', (_n, type, sender, allowed) => {
    expect(senderAllowed(type, sender, ID, ORIGIN)).toBe(allowed);
  });
});

describe('dispatch', () => {
  test('runs the handler with parsed data', async () => {
    const h = handlers();
    const answer = await dispatch(
      { type: 'page:start', data: { url: 'https://x.com/', platform: 'x', paused: false } },
      tabSender,
      h,
      ID,
      ORIGIN,
    );
    expect(answer).toBeNull();
    expect(h['page:start']).toHaveBeenCalledOnce();
  });
  test.each([
    ['not an object', 'hello'],
    ['unknown type', { type: 'page:evil', data: {} }],
    ['bad payload', { type: 'page:start', data: { url: 5 } }],
    [
      'unknown platform',
      { type: 'page:start', data: { url: 'https://a/', platform: 'myspace', paused: false } },
    ],
    [
      'forged verdict',
      {
        type: 'page:findings',
        data: { url: 'https://a/', done: true, findings: [{ id: 'a', verdict: 'fine' }] },
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
