import { useEffect, useMemo, useRef, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { TObservationDetail } from '../../services/schemas';
import { PageShell } from '../../components/page-shell';
import { ErrorBlock, LoadingBlock } from '../../components/status-block';
import { Button, CellGroup, TextArea } from '../../components/ui';
import { ROUTE_TO, ROUTES } from '../../constants/routes';
import { PAGE_TITLES } from '../../constants/theme';
import { errorMessageZh } from '../../services/api-error';
import { fetchMe, isLoggedIn } from '../../services/auth';
import { fetchObservation } from '../../services/meetings';
import { loadMyNotes, onNotesFlushed, saveNotes, type NotesDraft } from '../../services/notes';
import { FACTS, HEADINGS, debounce, saveStateText, withField, type SaveState } from './notes-logic';
import './index.scss';

/** Typing pauses this long before a draft is saved. */
const AUTOSAVE_MS = 1200;

type Loaded = { myId: string; observation: TObservationDetail; draft: NotesDraft; pending: boolean };

export default function NotesPage() {
  const observationId = useRouter().params.observationId ?? '';
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [draft, setDraft] = useState<NotesDraft | null>(null);
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });
  const latest = useRef<NotesDraft | null>(null);
  const chain = useRef<Promise<void>>(Promise.resolve());

  async function load(): Promise<void> {
    if (!isLoggedIn()) {
      void Taro.reLaunch({ url: ROUTES.login });
      return;
    }
    setLoadError(null);
    try {
      const me = await fetchMe();
      const [observation, mine] = await Promise.all([fetchObservation(observationId), loadMyNotes(observationId, me.id)]);
      setLoaded({ myId: me.id, observation, draft: mine.draft, pending: mine.pending });
      setDraft(mine.draft);
      latest.current = mine.draft;
      setSave(mine.pending ? { kind: 'offline' } : mine.note ? { kind: 'saved', at: mine.note.updatedAt } : { kind: 'idle' });
    } catch (e) {
      setLoadError(errorMessageZh(e));
    }
  }

  useEffect(() => { void load(); }, [observationId]);
  useEffect(() => onNotesFlushed((r) => {
    if (r[observationId] === 'saved') setSave({ kind: 'saved', at: new Date().toISOString() });
  }), [observationId]);

  const saver = useMemo(() => debounce(() => {
    const d = latest.current;
    const myId = loaded?.myId;
    if (!d || !myId) return;
    // One save at a time, in typing order: each carries the revision the previous one returned.
    chain.current = chain.current.then(async () => {
      setSave({ kind: 'saving' });
      const r = await saveNotes(observationId, myId, d);
      if (latest.current !== d) return; // newer typing is already queued
      if (r.state === 'saved') setSave({ kind: 'saved', at: r.note.updatedAt });
      else if (r.state === 'offline') setSave({ kind: 'offline' });
      else setSave({ kind: 'error', message: r.message });
    });
  }, AUTOSAVE_MS), [loaded, observationId]);

  useEffect(() => () => saver.flush(), [saver]);

  function change(key: Parameters<typeof withField>[1], value: string): void {
    if (!draft) return;
    const next = withField(draft, key, value);
    latest.current = next;
    setDraft(next);
    setSave({ kind: 'dirty' });
    saver.call();
  }

  if (loadError) return <PageShell title={PAGE_TITLES.notes}><ErrorBlock message={loadError} onRetry={() => void load()} /></PageShell>;
  if (!loaded || !draft) return <PageShell title={PAGE_TITLES.notes}><LoadingBlock text='正在打开观察记录…' /></PageShell>;

  const m = loaded.observation.meeting;
  return (
    <PageShell title={PAGE_TITLES.notes}>
      <Text className='page-title'>{m.topic}</Text>
      <Text className='page-hint'>{m.orgName} · 两听两看记录，只有观察小组和机关党委办可以看到</Text>
      <View className={`notes-status notes-status--${save.kind}`}>
        <Text>{saveStateText(save)}</Text>
      </View>
      <CellGroup title='两听两看'>
        {HEADINGS.map((h) => (
          <View key={h.key} className='notes-field'>
            <Text className='notes-field__title'>{h.title}</Text>
            <Text className='notes-field__hint'>{h.hint}</Text>
            <TextArea className={`notes-field__input notes-${h.key}`} value={draft[h.key]} maxLength={5000} autoSize
              placeholder='在这里记录…' onChange={(v: string) => change(h.key, v)} />
          </View>
        ))}
      </CellGroup>
      <CellGroup title='会议基本情况'>
        {FACTS.map((f) => (
          <View key={f.key} className='notes-field'>
            <Text className='notes-field__title'>{f.title}</Text>
            <TextArea className={`notes-field__input notes-facts-${f.key}`} value={draft.facts[f.key]} maxLength={5000} autoSize
              placeholder='在这里记录…' onChange={(v: string) => change(`facts.${f.key}`, v)} />
          </View>
        ))}
      </CellGroup>
      <View className='page-actions notes-actions'>
        <Button type='primary' size='large' block onClick={() => saver.flush()}>立即保存</Button>
        <Button size='large' block onClick={() => { saver.flush(); void Taro.navigateTo({ url: ROUTE_TO.score(observationId) }); }}>去填写评分表</Button>
      </View>
    </PageShell>
  );
}
