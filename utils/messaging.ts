/**
 * The receiving side of the protocol in ./protocol.ts: sender checks, zod parsing, dispatch.
 * Sending is ./send.ts (it needs no schema, so the content script carries none).
 */
import { type Browser, browser } from 'wxt/browser';
import * as z from 'zod/mini';
import { Envelope, type MessageType, PROTOCOL, type Request, type Response } from './protocol';

export type Sender = Browser.runtime.MessageSender;
export type Handlers = {
  [T in MessageType]: (data: Request<T>, sender: Sender) => Promise<Response<T>> | Response<T>;
};

/**
 * Decides whether a sender may send a message of this type. Content messages need a tab and our
 * own extension id; extension messages must come from our own pages (not a tab's content script).
 */
export function senderAllowed(
  type: MessageType,
  sender: Sender,
  extensionId: string,
  extensionOrigin: string,
) {
  if (sender.id !== extensionId) return false;
  if (PROTOCOL[type].from === 'content') return sender.tab?.id !== undefined;
  return sender.tab === undefined || (sender.url ?? '').startsWith(extensionOrigin);
}

/**
 * Parses an incoming message and runs its handler. Returns undefined (no answer) for anything
 * malformed or from a sender not allowed, so other listeners and the sender see nothing.
 */
export function dispatch(
  message: unknown,
  sender: Sender,
  handlers: Handlers,
  extensionId: string,
  extensionOrigin: string,
): Promise<unknown> | undefined {
  const envelope = z.safeParse(Envelope, message);
  if (!envelope.success) return undefined;
  const { type, data } = envelope.data;
  if (!senderAllowed(type, sender, extensionId, extensionOrigin)) return undefined;
  const parsed = z.safeParse(PROTOCOL[type].request, data);
  if (!parsed.success) {
    // Local developer log only: a malformed message is dropped, never answered.
    console.debug(
      `Basira: dropped a malformed "${type}" message`,
      z.prettifyError(parsed.error).slice(0, 500),
    );
    return undefined;
  }
  const handler = handlers[type] as (d: unknown, s: Sender) => unknown;
  return Promise.resolve(handler(parsed.data, sender));
}

/** Listens for protocol messages until the signal aborts. */
export function onMessages(handlers: Handlers, signal?: AbortSignal): void {
  const id = browser.runtime.id;
  const origin = browser.runtime.getURL('/');
  const listener = (message: unknown, sender: Sender) => dispatch(message, sender, handlers, id, origin);
  browser.runtime.onMessage.addListener(listener as never);
  signal?.addEventListener('abort', () => browser.runtime.onMessage.removeListener(listener as never));
}
