/** Where the background leaves word that an unreadable memory was rebuilt empty (browser.storage.local). */
export const MEMORY_NOTICE_KEY = 'memoryNotice';

export interface MemoryNotice {
  date: number;
  reason: string;
}

export function parseNotice(raw: unknown): MemoryNotice | null {
  if (!raw || typeof raw !== 'object') return null;
  const { date, reason } = raw as Record<string, unknown>;
  return typeof date === 'number' && typeof reason === 'string'
    ? { date, reason: reason.slice(0, 300) }
    : null;
}
