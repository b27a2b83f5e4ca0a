/**
 * Typed sending over `browser.runtime` and `browser.tabs` for the protocol in ./protocol.ts.
 * Types only come from the protocol: the receiver (./messaging.ts) parses with zod.
 */
import { browser } from 'wxt/browser';
import type * as z from 'zod/mini';
import type { MessageType, Request, Response, TAB_PROTOCOL, TabMessageType } from './protocol';

export async function sendMessage<T extends MessageType>(type: T, data: Request<T>): Promise<Response<T>> {
  return (await browser.runtime.sendMessage({ type, data })) as Response<T>;
}

export async function sendTabMessage<T extends TabMessageType>(
  tabId: number,
  type: T,
  data: z.infer<(typeof TAB_PROTOCOL)[T]['request']>,
): Promise<z.infer<(typeof TAB_PROTOCOL)[T]['response']>> {
  return (await browser.tabs.sendMessage(tabId, { type, data })) as never;
}
