import type { NotesDraft } from '../../services/notes';
import type { TNoteFacts } from '../../services/schemas';
import { formatTimeZh } from '../../components/format';

type Heading = keyof Omit<NotesDraft, 'facts'>;

/** OBS-7 两听两看: the four headings, in the order of the form. */
export const HEADINGS: { key: Heading; title: string; hint: string }[] = [
  { key: 'topicContent', title: '一听：会议主题和内容', hint: '主题是否鲜明，内容是否贴近实际' },
  { key: 'speechQuality', title: '二听：发言质量', hint: '发言是否充分、有见解，批评与自我批评是否到位' },
  { key: 'conduct', title: '一看：组织程序和会风会纪', hint: '程序是否规范，到会、纪律情况' },
  { key: 'satisfaction', title: '二看：党员满意度', hint: '党员参与程度和对会议的评价' },
];

export const FACTS: { key: keyof TNoteFacts; title: string }[] = [
  { key: 'topic', title: '会议主题' },
  { key: 'attendees', title: '参会人员' },
  { key: 'format', title: '会议形式' },
  { key: 'discussion', title: '讨论情况' },
];

export type SaveState =
  | { kind: 'idle' }
  | { kind: 'dirty' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: string }
  | { kind: 'offline' }
  | { kind: 'error'; message: string };

/** The line under the form that says where the typing is. */
export function saveStateText(s: SaveState): string {
  switch (s.kind) {
    case 'idle': return '输入后会自动保存';
    case 'dirty': return '正在输入…';
    case 'saving': return '正在保存…';
    case 'saved': return `已保存（${formatTimeZh(s.at)}）`;
    case 'offline': return '离线保存：已存在手机上，联网后自动上传';
    case 'error': return `保存失败：${s.message}`;
  }
}

/** A draft with one heading or fact changed. */
export function withField(d: NotesDraft, key: Heading | `facts.${keyof TNoteFacts}`, value: string): NotesDraft {
  if (key.startsWith('facts.')) {
    const f = key.slice(6) as keyof TNoteFacts;
    return { ...d, facts: { ...d.facts, [f]: value } };
  }
  return { ...d, [key as Heading]: value };
}

/** Runs `fn` once typing has paused for `ms`; `flush` runs it now. Timers are parameters for tests. */
export interface Timers {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

// Called as plain functions: a browser's setTimeout refuses another `this` ("Illegal invocation").
const REAL_TIMERS: Timers = {
  set: (fn, ms) => setTimeout(fn, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export function debounce(fn: () => void, ms: number, timers: Timers = REAL_TIMERS) {
  let t: unknown = null;
  return {
    call(): void {
      if (t) timers.clear(t);
      t = timers.set(() => { t = null; fn(); }, ms);
    },
    flush(): void {
      if (!t) return;
      timers.clear(t);
      t = null;
      fn();
    },
    cancel(): void {
      if (t) timers.clear(t);
      t = null;
    },
  };
}
