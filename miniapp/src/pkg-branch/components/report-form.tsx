import { useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { TReportKind, TReportsResponse } from '../../services/branch-schemas';
import { PageShell } from '../../components/page-shell';
import { usePageData } from '../../components/use-page-data';
import { ErrorBlock, LoadingBlock } from '../../components/status-block';
import { Button, Cell, CellGroup, Empty, TextArea } from '../../components/ui';
import { todayInShanghai } from '../../components/format';
import { fetchObservation } from '../../services/meetings';
import { fetchReports, fileReport } from '../../services/reports';
import { submitErrorText } from '../logic/form-logic';
import {
  ALL_FILED_ZH, dueLine, EMPTY_FILED_ZH, filedRows, initialReportForm, periodOptions, REPORT_KIND_ZH, reportProblems, toReportRequest, type ReportForm,
} from '../logic/report-logic';
import { DateCell, SelectCell } from './picker-cell';
import { Field } from './field';
import './branch.scss';

type Loaded = { topic: string; view: TReportsResponse };

/**
 * FB-3 / FB-4: file one report of an observation (which period, when it was held, what was said) and see
 * the ones already filed. The pages of pkg-branch (progress) and pkg-member (report-back, commitments) wrap this.
 */
export function ReportFormPage({ kind, title }: { kind: TReportKind; title: string }) {
  const params = useRouter().params;
  const observationId = params.observationId ?? '';
  const wanted = params.periodNo ? Number(params.periodNo) : undefined;
  const today = todayInShanghai(Date.now());
  const [form, setForm] = useState<ReportForm | null>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const { data, setData, error, reload } = usePageData<Loaded>(async () => {
    const [o, view] = await Promise.all([fetchObservation(observationId), fetchReports(observationId)]);
    setForm(initialReportForm(kind, view, today, wanted));
    return { topic: o.meeting.topic, view };
  }, { refreshOnShow: false });

  async function submit(): Promise<void> {
    const p = reportProblems(kind, form!, data!.view, today);
    setProblems(p);
    if (p.length > 0) return;
    setBusy(true);
    try {
      const report = await fileReport(toReportRequest(observationId, kind, form!));
      const view = { ...data!.view, reports: [...data!.view.reports, report] };
      setData({ ...data!, view });
      setForm(initialReportForm(kind, view, today));
      setDone(`已登记${REPORT_KIND_ZH[kind]}，机关党委办和观察小组可以看到。`);
    } catch (e) {
      setProblems([submitErrorText(e)]);
    } finally {
      setBusy(false);
    }
  }

  if (error) return <PageShell title={title}><ErrorBlock message={error} onRetry={() => void reload()} /></PageShell>;
  if (!data || !form) return <PageShell title={title}><LoadingBlock /></PageShell>;
  const options = periodOptions(kind, data.view, wanted);
  const filed = filedRows(kind, data.view);
  const set = (patch: Partial<ReportForm>) => setForm({ ...form, ...patch });
  return (
    <PageShell title={title}>
      <Text className='page-title'>{data.topic}</Text>
      <CellGroup>
        <Cell title={REPORT_KIND_ZH[kind]} description={dueLine(kind, data.view)} className='branch-multiline' />
      </CellGroup>
      {done && <Text className='branch-ok'>{done}</Text>}
      {options.length === 0 && !done && <Text className='branch-ok'>{ALL_FILED_ZH[kind]}</Text>}
      {options.length > 0 && (
        <View className='page-section'>
          <CellGroup>
            {kind !== 'report_back' && (
              <SelectCell title='哪一期' options={options} value={String(form.periodNo)} onChange={(v) => set({ periodNo: Number(v) })} />
            )}
            <DateCell title='汇报日期' value={form.heldOn} onChange={(heldOn) => set({ heldOn })} />
          </CellGroup>
          <Field label='汇报内容' hint={kind === 'report_back' ? '观摩看到的好做法、问题和本支部的借鉴打算' : '通报或报告了哪些情况'}>
            <TextArea className='report-summary' value={form.summary} maxLength={5000} autoSize onChange={(summary: string) => set({ summary })} />
          </Field>
          {problems.length > 0 && <Text className='branch-problems'>{problems.join('\n')}</Text>}
          <View className='page-actions'>
            <Button type='primary' size='xlarge' block loading={busy} disabled={busy} onClick={() => void submit()}>{`登记${REPORT_KIND_ZH[kind]}`}</Button>
          </View>
        </View>
      )}
      <Text className='page-title'>已登记</Text>
      <View className='page-section'>
        {filed.length === 0 ? (
          <Empty imageSize={64} title='暂无记录' description={EMPTY_FILED_ZH[kind]} />
        ) : (
          <CellGroup>
            {filed.map((r) => (
              <Cell key={r.id} title={r.title} description={r.description} className={`branch-multiline${r.late ? ' branch-urgent' : ''}`} />
            ))}
          </CellGroup>
        )}
      </View>
    </PageShell>
  );
}
