import { useEffect, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { RUBRICS, type TObservationDetail, type TRubric, type TSheet, type TSheetsResponse } from '../../services/schemas';
import { PageShell } from '../../components/page-shell';
import { ErrorBlock, LoadingBlock } from '../../components/status-block';
import { Button, Cell, CellGroup, InputNumber, TextArea } from '../../components/ui';
import { formatInstantZh } from '../../components/format';
import { ROUTES } from '../../constants/routes';
import { PAGE_TITLES } from '../../constants/theme';
import { errorMessageZh, isApiError } from '../../services/api-error';
import { fetchMe, isLoggedIn } from '../../services/auth';
import { fetchObservation } from '../../services/meetings';
import { fetchSheets, submitSheet } from '../../services/sheets';
import { bandFor, clampScore, formProblems, initialForm, toRequest, totalOf, type SheetForm } from './score-logic';
import './index.scss';

type Loaded = { myId: string; observation: TObservationDetail; rubric: TRubric; sheets: TSheetsResponse };
type Step = 'edit' | 'review' | 'done';

/** ASCII class names for the bands (wxss selectors stay plain). */
const BAND_CLASS = { 好: 'good', 较好: 'fair', 一般: 'average', 较差: 'poor' } as const;

function mySheets(sheets: TSheetsResponse, myId: string): TSheet[] {
  return sheets.observers.find((o) => o.personId === myId)?.sheets ?? [];
}

export default function ScorePage() {
  const observationId = useRouter().params.observationId ?? '';
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [step, setStep] = useState<Step>('edit');
  const [form, setForm] = useState<SheetForm | null>(null);
  const [reason, setReason] = useState('');
  const [problems, setProblems] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [submitError, setSubmitError] = useState<string | null>(null);

  async function load(): Promise<void> {
    if (!isLoggedIn()) {
      void Taro.reLaunch({ url: ROUTES.login });
      return;
    }
    setLoadError(null);
    try {
      const me = await fetchMe();
      const [observation, sheets] = await Promise.all([fetchObservation(observationId), fetchSheets(observationId)]);
      const rubric = RUBRICS[observation.rubric];
      const mine = mySheets(sheets, me.id);
      setLoaded({ myId: me.id, observation, rubric, sheets });
      setForm(initialForm(rubric, mine[mine.length - 1] ?? null));
      setStep(mine.length > 0 ? 'done' : 'edit');
    } catch (e) {
      setLoadError(errorMessageZh(e));
    }
  }

  useEffect(() => { void load(); }, [observationId]);

  if (loadError) return <PageShell title={PAGE_TITLES.score}><ErrorBlock message={loadError} onRetry={() => void load()} /></PageShell>;
  if (!loaded || !form) return <PageShell title={PAGE_TITLES.score}><LoadingBlock text='正在打开评分表…' /></PageShell>;

  const { rubric, observation, sheets } = loaded;
  const mine = mySheets(sheets, loaded.myId);
  const latest = mine[mine.length - 1] ?? null;
  const correcting = latest !== null;
  const maxTotal = rubric.criteria.reduce((a, c) => a + c.max, 0);

  function review(): void {
    const p = formProblems(rubric, form!, correcting, reason);
    setProblems(p);
    if (p.length === 0) setStep('review');
  }

  async function submit(): Promise<void> {
    setBusy(true);
    setSubmitError(null);
    try {
      await submitSheet(observationId, toRequest(form!, correcting, reason));
      const fresh = await fetchSheets(observationId);
      setLoaded({ ...loaded!, sheets: fresh });
      setReason('');
      setStep('done');
    } catch (e) {
      const fields = isApiError(e) ? e.fields.map((f) => f.message) : [];
      setSubmitError([errorMessageZh(e), ...fields].join('；'));
    } finally {
      setBusy(false);
    }
  }

  const header = (
    <>
      <Text className='page-title'>{rubric.nameZh}</Text>
      <Text className='page-hint'>{observation.meeting.topic} · {observation.meeting.orgName}</Text>
    </>
  );

  if (step === 'done' && latest) {
    const g = sheets.groupResult;
    return (
      <PageShell title={PAGE_TITLES.score}>
        {header}
        <View className='score-submitted'>
          <Text className='score-submitted__title'>评分表已提交</Text>
          <Text className='score-submitted__detail'>第 {latest.version} 版 · {formatInstantZh(latest.submittedAt)} · 总分 {latest.total}/{maxTotal}</Text>
        </View>
        <CellGroup title='我的评分'>
          {latest.criteria.map((c) => <Cell key={c.key} title={c.labelZh} extra={`${c.score} 分 · ${c.band}`} />)}
          {latest.reason && <Cell title='更正理由' description={latest.reason} />}
        </CellGroup>
        {g ? (
          <CellGroup title={`小组评分结果（${g.observerCount} 人）`}>
            {g.criteria.map((c) => (
              <Cell key={c.key} title={c.labelZh} description={`最低 ${c.min} · 最高 ${c.max} · 标准差 ${c.stddev}`} extra={`平均 ${c.mean} · ${c.band}`} />
            ))}
            <Cell title='平均总分' extra={`${g.meanTotal}/${g.maxTotal}`} />
          </CellGroup>
        ) : (
          <CellGroup title='小组评分结果'>
            <Cell title='等待其他观察员提交' description={sheets.missing.length > 0 ? `尚未提交：${sheets.missing.join('、')}。全部提交后这里显示每项平均分和分歧。` : '全部提交后这里显示每项平均分和分歧。'} />
          </CellGroup>
        )}
        <View className='page-actions score-actions'>
          <Button size='large' block onClick={() => { setForm(initialForm(rubric, latest)); setProblems([]); setStep('edit'); }}>更正评分</Button>
          <Button size='large' block onClick={() => void Taro.reLaunch({ url: ROUTES.home })}>返回我的待办</Button>
        </View>
      </PageShell>
    );
  }

  if (step === 'review') {
    return (
      <PageShell title={PAGE_TITLES.score}>
        {header}
        <Text className='page-title score-review-title'>请核对后提交</Text>
        <CellGroup title={`评分（总分 ${totalOf(form)}/${maxTotal}）`}>
          {rubric.criteria.map((c) => (
            <Cell key={c.key} title={c.labelZh} extra={`${form.scores[c.key]} 分 · ${bandFor(form.scores[c.key] ?? null, rubric)}`} />
          ))}
        </CellGroup>
        <CellGroup title='文字意见'>
          {rubric.texts.map((t) => <Cell key={t.key} title={t.labelZh} description={form.texts[t.key] || '（未填写）'} />)}
          {correcting && <Cell title='更正理由' description={reason} />}
        </CellGroup>
        {submitError && <ErrorBlock message={submitError} />}
        {busy && <LoadingBlock text='正在提交…' />}
        <View className='page-actions score-actions'>
          <Button type='primary' size='xlarge' block disabled={busy} onClick={() => void submit()}>确认提交</Button>
          <Button size='large' block disabled={busy} onClick={() => setStep('edit')}>返回修改</Button>
        </View>
      </PageShell>
    );
  }

  return (
    <PageShell title={PAGE_TITLES.score}>
      {header}
      <Text className='page-hint'>每项 0-20 分：好 15-20，较好 10-14，一般 5-9，较差 0-4。</Text>
      <CellGroup title='评分'>
        {rubric.criteria.map((c) => {
          const s = form.scores[c.key] ?? null;
          const band = bandFor(s, rubric);
          return (
            <View key={c.key} className={`score-criterion score-criterion--${c.key}`}>
              <View className='score-criterion__head'>
                <Text className='score-criterion__label'>{c.labelZh}</Text>
                <Text className={`score-band ${band ? `score-band--${BAND_CLASS[band]}` : ''}`}>{band ?? '未评分'}</Text>
              </View>
              <InputNumber
                className='score-stepper'
                min={c.min}
                max={c.max}
                allowEmpty
                value={s ?? ''}
                onChange={(v: unknown) => setForm({ ...form, scores: { ...form.scores, [c.key]: clampScore(v, c.min, c.max) } })}
              />
            </View>
          );
        })}
        <Cell title='总分' extra={`${totalOf(form)}/${maxTotal}`} />
      </CellGroup>
      <CellGroup title='文字意见'>
        {rubric.texts.map((t) => (
          <View key={t.key} className='score-text'>
            <Text className='score-criterion__label'>{t.labelZh}{t.required ? '（必填）' : ''}</Text>
            <TextArea className={`score-text__input score-text-${t.key}`} value={form.texts[t.key] ?? ''} maxLength={5000} autoSize
              placeholder={`请填写${t.labelZh}`} onChange={(v: string) => setForm({ ...form, texts: { ...form.texts, [t.key]: v } })} />
          </View>
        ))}
        {correcting && (
          <View className='score-text'>
            <Text className='score-criterion__label'>更正理由（必填，提交后生成第 {latest!.version + 1} 版）</Text>
            <TextArea className='score-text__input score-reason' value={reason} maxLength={500} placeholder='请说明为什么更正评分' onChange={(v: string) => setReason(v)} />
          </View>
        )}
      </CellGroup>
      {problems.length > 0 && <ErrorBlock message={problems.join('；')} />}
      <View className='page-actions score-actions'>
        <Button type='primary' size='xlarge' block onClick={review}>核对评分</Button>
        {correcting && <Button size='large' block onClick={() => setStep('done')}>放弃更正</Button>}
      </View>
    </PageShell>
  );
}
