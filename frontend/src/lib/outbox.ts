import { Dexie, liveQuery, type EntityTable } from 'dexie';
import { useEffect, useState } from 'react';
import type { Problem } from './api/client';

/** What an officer recorded that is still to reach the server. */
export type OutboxKind = 'event' | 'member' | 'figures';

/**
 * waiting: to be sent when the connection allows; refused: the server said what is wrong with it
 * (400/422: fix and send again); conflict: what it was written against changed or went (404, 409,
 * 412: edit or discard).
 */
export type OutboxState = 'waiting' | 'refused' | 'conflict';

export interface OutboxPhoto {
  name: string;
  blob: Blob;
  sent?: boolean;
}

export interface OutboxItem {
  /** a UUID, sent as the record's Idempotency-Key: a retry never writes it twice */
  id: string;
  /** the user who recorded it: nobody else on this device sees or sends it */
  user: string;
  kind: OutboxKind;
  /** what the list shows ("Họp tổ tự quản ấp 3") */
  label: string;
  /** where the record belongs ("Tổ 1 — Mô hình …"), shown under the label */
  place?: string;
  createdAt: string;
  request: { method: 'POST' | 'PUT'; url: string; body: unknown; etag?: string };
  /** photos of an event, sent after it, each with its own key */
  photos: OutboxPhoto[];
  /** the event's id once the server created it (its photos may still be on their way) */
  createdId?: number;
  state: OutboxState;
  problem?: Problem;
  /** the page of the record's parent (a model, a figures period) */
  link?: string;
  /** what the edit dialog needs besides the body */
  context?: Record<string, number | string>;
}

class OutboxDb extends Dexie {
  items!: EntityTable<OutboxItem, 'id'>;
  constructor() {
    super('antq-outbox');
    this.version(1).stores({ items: 'id, user, [user+createdAt]' });
  }
}

const db = new OutboxDb();

/** The device's storage is full: said plainly, nothing is half-saved. */
export class StorageFullError extends Error {
  constructor() {
    super(
      'Bộ nhớ của máy đã đầy nên chưa lưu được bản ghi để gửi sau. Hãy xóa bớt ảnh, tệp hoặc dữ liệu trình duyệt rồi thử lại.',
    );
    this.name = 'StorageFullError';
  }
}

function isQuota(e: unknown): boolean {
  const err = e as { name?: string; inner?: { name?: string } } | null;
  return err?.name === 'QuotaExceededError' || err?.inner?.name === 'QuotaExceededError';
}

export const outbox = {
  async put(item: OutboxItem): Promise<void> {
    try {
      await db.items.put(item);
    } catch (e) {
      if (isQuota(e)) throw new StorageFullError();
      throw e;
    }
  },
  get: (id: string) => db.items.get(id),
  async update(id: string, changes: Partial<OutboxItem>): Promise<void> {
    await db.items.update(id, changes);
  },
  remove: (id: string) => db.items.delete(id),
  /** The user's records, oldest first (sent in that order). */
  list: (user: string) =>
    db.items
      .where('[user+createdAt]')
      .between([user, Dexie.minKey], [user, Dexie.maxKey])
      .toArray(),
};

/** The user's queue, kept current as records are added, sent or refused (in every tab). */
export function useOutbox(user: string | undefined): OutboxItem[] {
  const [seen, setSeen] = useState<{ user?: string; items: OutboxItem[] }>({ items: [] });
  useEffect(() => {
    if (!user) return;
    const sub = liveQuery(() => outbox.list(user)).subscribe({
      next: (items) => setSeen({ user, items }),
      error: () => setSeen({ user, items: [] }),
    });
    return () => sub.unsubscribe();
  }, [user]);
  return user && seen.user === user ? seen.items : [];
}

/** A random UUID (v4), also outside secure contexts where crypto.randomUUID is missing. */
export function newOutboxId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
