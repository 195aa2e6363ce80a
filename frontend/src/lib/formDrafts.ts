import type { FormInstance } from 'antd';
import { useRef, useState } from 'react';

/**
 * What has been typed into a form for a new record, kept on the device as it is typed, so that a
 * reload, a crash of the tab or a phone that closes the browser loses nothing: the form opens
 * again with it. One draft per user and form; dropped when the record is saved or queued, or when
 * the form is cancelled.
 */
interface Stored<S> {
  savedAt: string;
  values: S;
}

const key = (user: string, form: string) => `antq.draft.${user}.${form}`;

export function readDraft<S>(user: string, form: string): Stored<S> | undefined {
  try {
    const raw = localStorage.getItem(key(user, form));
    return raw ? (JSON.parse(raw) as Stored<S>) : undefined;
  } catch {
    return undefined; // unreadable: as if there were none
  }
}

export function writeDraft<S>(user: string, form: string, values: S) {
  try {
    localStorage.setItem(
      key(user, form),
      JSON.stringify({ savedAt: new Date().toISOString(), values } satisfies Stored<S>),
    );
  } catch {
    // storage full: the form still works, only without a draft
  }
}

export function dropDraft(user: string, form: string) {
  localStorage.removeItem(key(user, form));
}

/**
 * A form's draft: `restored` is what the form opens with (if a draft was kept), `keep` is called
 * with all the values on every change, `drop` when the record is saved or the form cancelled,
 * `discard` when the user asks to start again.
 * `toStored`/`fromStored` turn the form's values into JSON and back (dates, for instance).
 */
export function useFormDraft<V, S>(opts: {
  user: string | undefined;
  form: string;
  enabled: boolean;
  toStored: (values: V) => S;
  fromStored: (stored: S) => Partial<V>;
  /** The form, and what it holds when started afresh. */
  instance: FormInstance<V>;
  defaults: Partial<V>;
}) {
  const { user, form, enabled } = opts;
  const convert = useRef(opts);
  const [restored, setRestored] = useState(() => {
    if (!enabled || !user) return undefined;
    const d = readDraft<S>(user, form);
    return d ? { savedAt: d.savedAt, values: opts.fromStored(d.values) } : undefined;
  });
  return {
    restored,
    keep: (values: V) => {
      if (enabled && user) writeDraft(user, form, convert.current.toStored(values));
    },
    drop: () => {
      if (enabled && user) dropDraft(user, form);
      setRestored(undefined);
    },
    /** Drops the draft and starts the form again from its defaults. */
    discard: () => {
      if (enabled && user) dropDraft(user, form);
      setRestored(undefined);
      const typed = opts.instance.getFieldsValue(true) as Record<string, unknown>;
      opts.instance.setFieldsValue({
        ...Object.fromEntries(Object.keys(typed).map((k) => [k, undefined])),
        ...opts.defaults,
      } as Parameters<FormInstance<V>['setFieldsValue']>[0]);
    },
  };
}
