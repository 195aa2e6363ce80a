import { afterEach, describe, expect, it } from 'vitest';
import { dropDraft, readDraft, writeDraft } from './formDrafts';

describe('form drafts', () => {
  afterEach(() => localStorage.clear());

  it('keeps what was typed, per user and form, with when', () => {
    writeDraft('phuongbaclieu', 'event', { title: 'Tuần tra', attendance: 37 });
    const d = readDraft<{ title: string }>('phuongbaclieu', 'event');
    expect(d?.values).toEqual({ title: 'Tuần tra', attendance: 37 });
    expect(Date.parse(d!.savedAt)).not.toBeNaN();
    // another officer on the same phone, or another form, sees nothing
    expect(readDraft('camau', 'event')).toBeUndefined();
    expect(readDraft('phuongbaclieu', 'member.3')).toBeUndefined();
  });

  it('drops it, and treats an unreadable one as none', () => {
    writeDraft('phuongbaclieu', 'event', { title: 'x' });
    dropDraft('phuongbaclieu', 'event');
    expect(readDraft('phuongbaclieu', 'event')).toBeUndefined();
    localStorage.setItem('antq.draft.phuongbaclieu.event', '{not json');
    expect(readDraft('phuongbaclieu', 'event')).toBeUndefined();
  });
});
