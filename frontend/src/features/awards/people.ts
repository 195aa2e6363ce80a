/** One person typed or pasted into a decision's list of individuals. */
export interface PastedPerson {
  fullName: string;
  position?: string;
  unitName?: string;
  /** 1-based line of the pasted text, for messages */
  line: number;
}

const HEADER = /^(stt|tt|họ\s*(và)?\s*tên|ho\s*(va)?\s*ten)$/i;

/**
 * People from text copied out of Excel or Word, one per line: "Họ tên<TAB>Chức vụ<TAB>Đơn vị"
 * (tabs, or ";" or "|" between columns). A leading number column (STT) and a header line are
 * skipped; spaces are tidied. Lines without a name are reported, not guessed.
 */
export function parsePeople(text: string): { people: PastedPerson[]; problems: string[] } {
  const people: PastedPerson[] = [];
  const problems: string[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = i + 1;
    if (!raw.trim()) return;
    // "1. ", "01) " before the name (Word lists)
    const text = raw.replace(/^\s*\d+[.)]\s*/, '');
    const separator = text.includes('\t')
      ? '\t'
      : text.includes(';')
        ? ';'
        : text.includes('|')
          ? '|'
          : null;
    let cells = (separator ? text.split(separator) : [text]).map((c) =>
      c.replace(/\s+/g, ' ').trim(),
    );
    // an STT column copied from Excel
    if (cells.length > 1 && /^\d+$/.test(cells[0] ?? '')) cells = cells.slice(1);
    const [fullName = '', position, unitName] = cells;
    if (HEADER.test(fullName)) return;
    if (!fullName || /\d/.test(fullName)) {
      problems.push(`Dòng ${line}: không đọc được họ tên «${raw.trim()}»`);
      return;
    }
    people.push({
      fullName,
      position: position || undefined,
      unitName: unitName || undefined,
      line,
    });
  });
  return { people, problems };
}

/** Lower case without diacritics (đ → d), for comparing names typed in different ways. */
export function searchKey(s: string): string {
  return s
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}
