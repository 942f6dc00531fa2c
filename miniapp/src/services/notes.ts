import {
  ZNote, ZNotesResponse,
  type TNote, type TNoteFacts, type TSaveNotesRequest,
} from './schemas';
import * as z from 'zod';
import { api } from './api';
import { isApiError, errorMessageZh } from './api-error';
import { onNetworkBack, storage } from './platform';

/** What an observer types: the four 两听两看 headings and the meeting's facts (OBS-7). */
export interface NotesDraft {
  topicContent: string;
  speechQuality: string;
  conduct: string;
  satisfaction: string;
  facts: TNoteFacts;
}

export const EMPTY_DRAFT: NotesDraft = {
  topicContent: '', speechQuality: '', conduct: '', satisfaction: '',
  facts: { topic: '', attendees: '', format: '', discussion: '' },
};

/** One observation's unsent draft and the server revision it was written over. */
interface Pending { draft: NotesDraft; authorId: string; revision: number | null; keptAt: number }
type Queue = Record<string, Pending>;

const QUEUE_KEY = 'tingkan.notes.pending';
const isQueue = (v: unknown): v is Queue => typeof v === 'object' && v !== null && !Array.isArray(v);

function readQueue(): Queue {
  return storage.get(QUEUE_KEY, isQueue) ?? {};
}

function writeQueue(q: Queue): void {
  if (Object.keys(q).length === 0) storage.remove(QUEUE_KEY);
  else storage.set(QUEUE_KEY, q);
}

/** The revision last read from or written to the server, per observation (optimistic concurrency). */
const revisions = new Map<string, number>();

export type SaveResult =
  | { state: 'saved'; note: TNote }
  | { state: 'offline' }
  | { state: 'error'; message: string };

function toDraft(n: TNote): NotesDraft {
  return { topicContent: n.topicContent, speechQuality: n.speechQuality, conduct: n.conduct, satisfaction: n.satisfaction, facts: { ...n.facts } };
}

/** The caller's note: an unsent draft kept on the phone wins over the server's copy (it is newer). */
export async function loadMyNotes(observationId: string, myId: string): Promise<{ draft: NotesDraft; note: TNote | null; pending: boolean }> {
  const res = await api.get(`/api/observations/${encodeURIComponent(observationId)}/notes`, ZNotesResponse);
  const note = res.notes.find((n) => n.authorId === myId) ?? null;
  if (note) revisions.set(observationId, note.revision);
  const kept = readQueue()[observationId];
  if (kept) return { draft: kept.draft, note, pending: true };
  return { draft: note ? toDraft(note) : EMPTY_DRAFT, note, pending: false };
}

async function put(observationId: string, draft: NotesDraft, revision: number | null): Promise<TNote> {
  const body: TSaveNotesRequest = revision === null ? { ...draft } : { ...draft, revision };
  const res = await api.put(`/api/observations/${encodeURIComponent(observationId)}/notes`, z.object({ note: ZNote }), body);
  return res.note;
}

/**
 * Saves a draft: kept on the phone first, then sent with the last known revision. Without network it
 * stays queued ('offline') and goes out when the network returns (startNotesSync). A CONFLICT means the
 * server moved on (an earlier send whose answer was lost, or another device): the note is the author's
 * own, so the newest typing wins: read the current revision and send once more.
 */
export async function saveNotes(observationId: string, authorId: string, draft: NotesDraft, now: number = Date.now()): Promise<SaveResult> {
  const revision = revisions.get(observationId) ?? readQueue()[observationId]?.revision ?? null;
  writeQueue({ ...readQueue(), [observationId]: { draft, authorId, revision, keptAt: now } });
  return send(observationId);
}

async function send(observationId: string): Promise<SaveResult> {
  const kept = readQueue()[observationId];
  if (!kept) return { state: 'error', message: '没有要保存的内容' };
  let note: TNote;
  try {
    note = await put(observationId, kept.draft, revisions.get(observationId) ?? kept.revision);
  } catch (e) {
    if (isApiError(e) && e.code === 'NETWORK_ERROR') return { state: 'offline' };
    if (!(isApiError(e) && e.code === 'CONFLICT')) return { state: 'error', message: errorMessageZh(e) };
    try {
      const res = await api.get(`/api/observations/${encodeURIComponent(observationId)}/notes`, ZNotesResponse);
      const mine = res.notes.find((n) => n.authorId === kept.authorId);
      note = await put(observationId, kept.draft, mine?.revision ?? null);
    } catch (again) {
      if (isApiError(again) && again.code === 'NETWORK_ERROR') return { state: 'offline' };
      return { state: 'error', message: errorMessageZh(again) };
    }
  }
  revisions.set(observationId, note.revision);
  // Only drop the queued copy if nothing newer was typed while this one was on its way.
  const q = readQueue();
  if (q[observationId]?.keptAt === kept.keptAt) {
    delete q[observationId];
    writeQueue(q);
  }
  return { state: 'saved', note };
}

/** Observations with a draft still waiting on the phone. */
export function pendingNotes(): string[] {
  return Object.keys(readQueue());
}

/** Sends every queued draft; answers how each went. */
export async function flushPendingNotes(): Promise<Record<string, SaveResult['state']>> {
  const out: Record<string, SaveResult['state']> = {};
  for (const id of pendingNotes()) out[id] = (await send(id)).state;
  return out;
}

type Listener = (results: Record<string, SaveResult['state']>) => void;
const listeners = new Set<Listener>();

/** Pages that show a save state listen here for drafts sent in the background. */
export function onNotesFlushed(l: Listener): () => void {
  listeners.add(l);
  return () => { listeners.delete(l); };
}

let stopSync: (() => void) | null = null;

/** Called once by the app: queued drafts go out when the network comes back, and at start. */
export function startNotesSync(): void {
  if (stopSync) return;
  const flush = () => {
    if (pendingNotes().length === 0) return;
    void flushPendingNotes().then((r) => listeners.forEach((l) => l(r)), () => undefined);
  };
  stopSync = onNetworkBack(flush);
  flush();
}

/** Tests: forget what this module remembers in memory. */
export function resetNotesMemory(): void {
  revisions.clear();
  listeners.clear();
  stopSync?.();
  stopSync = null;
}
