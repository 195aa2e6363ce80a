/**
 * Fired on the window when queued records reached the server (kept apart from the queue's code,
 * so the first script does not carry it).
 */
export const OUTBOX_SENT = 'antq:outbox-sent';
