import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { PAGE_TITLES } from '../../../constants/theme';
import { formatInstantZh } from '../../../components/format';
import { errorMessageZh, isApiError } from '../../../services/api-error';
import { fetchPolicy, savePolicy } from '../../../services/office/policy';
import type { TPolicyView } from '../../../services/office/schemas';
import { AdminPage, Loaded, Panel } from '../../components/admin-page';
import { Choice } from '../../components/choice';
import { useLoad } from '../../components/use-load';
import { Button, Input, Switch, TextArea } from '../../components/ui';
import {
  changedText, formIssues, issueSummary, MODES, NTH_OPTIONS, NUMBER_FIELDS, placeIssues, RUBRIC_OPTIONS, toForm, toOverride, WEEKDAY_OPTIONS,
  type Issues, type NumberField, type PolicyForm,
} from './policy-logic';
import './index.scss';

const fieldClass = (path: string) => `policy-field policy-field--${path.replace(/\./g, '-')}`;

function Issue({ issues, path }: { issues: Issues; path: string }) {
  const msg = issues.get(path);
  return msg ? <Text className='policy-issue'>{msg}</Text> : null;
}

export default function PolicyPage() {
  const [form, setForm] = useState<PolicyForm | null>(null);
  const { state, reload, set } = useLoad(async () => {
    const view = await fetchPolicy();
    setForm(toForm(view.policy));
    return view;
  }, []);
  const [reason, setReason] = useState('');
  const [issues, setIssues] = useState<Issues>(new Map());
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);

  async function save(view: TPolicyView): Promise<void> {
    if (!form) return;
    const stored = view.version?.value ?? {};
    const found = formIssues(form, view.policy, stored, reason);
    setIssues(found);
    setSaved(null);
    if (found.size > 0) return;
    const { value, changed } = toOverride(form, view.policy, stored);
    setBusy(true);
    try {
      const fresh = await savePolicy(value, reason);
      set(fresh);
      setForm(toForm(fresh.policy));
      setReason('');
      setSaved(`已保存（${changedText(changed)}），即时生效。`);
    } catch (e) {
      setIssues(isApiError(e) && e.fields.length > 0 ? placeIssues(e.fields) : new Map([['', errorMessageZh(e)]]));
    } finally {
      setBusy(false);
    }
  }

  const numberInput = (f: NumberField) => (
    <View key={f.path} className={fieldClass(f.path)}>
      <View className='admin-line'>
        <Text className='policy-field__label'>{f.label}<Text className='policy-field__rule'> {f.rule}</Text></Text>
        <View className='policy-field__input'>
          <Input type='digit' value={form!.numbers[f.path] ?? ''} onChange={(v: string) => setForm({ ...form!, numbers: { ...form!.numbers, [f.path]: v } })} />
          <Text className='policy-field__unit'>{f.unit}</Text>
        </View>
      </View>
      <Issue issues={issues} path={f.path} />
    </View>
  );

  return (
    <AdminPage title={PAGE_TITLES.adminPolicy} hint='本单位执行的制度参数（D4）。未修改的参数沿用制度文件的默认值；每次修改都保存为新版本并记录理由。'>
      <Loaded state={state} onRetry={() => void reload()} loadingText='正在读取制度参数…'>
        {(view) => form && (
          <>
            <Text className='page-hint'>
              {view.version ? `当前版本：${formatInstantZh(view.version.createdAt)}${view.version.createdByName ? ` · ${view.version.createdByName}` : ''} · ${view.version.reason}` : '当前使用制度文件的默认值。'}
            </Text>
            <Panel title='抽查与观察小组'>
              {NUMBER_FIELDS.sampling.map(numberInput)}
              <View className={fieldClass('allowSingleUnitGroup')}>
                <View className='admin-line'>
                  <Text className='policy-field__label'>允许小组成员全部来自同一单位<Text className='policy-field__rule'> OBS-8</Text></Text>
                  <Switch checked={form.allowSingleUnitGroup} onChange={(v: boolean) => setForm({ ...form, allowSingleUnitGroup: v })} />
                </View>
                <Issue issues={issues} path='allowSingleUnitGroup' />
              </View>
              {MODES.map((m) => (
                <View key={m.mode} className={fieldClass(`rubricByMode.${m.mode}`)}>
                  <Text className='policy-field__label'>{m.label}使用的评分表<Text className='policy-field__rule'> SCORE-2</Text></Text>
                  <Choice options={RUBRIC_OPTIONS} value={form.rubricByMode[m.mode]} onChange={(v) => setForm({ ...form, rubricByMode: { ...form.rubricByMode, [m.mode]: v } })} />
                </View>
              ))}
              <Issue issues={issues} path='rubricByMode' />
            </Panel>
            <Panel title='截止期限'>
              {NUMBER_FIELDS.deadlines.map(numberInput)}
            </Panel>
            <Panel title='组织生活'>
              <View className={fieldClass('themeDay')}>
                <View className='admin-line'>
                  <Text className='policy-field__label'>主题党日固定在每月某一天<Text className='policy-field__rule'> MTG-5</Text></Text>
                  <Switch checked={form.themeDayFixed} onChange={(v: boolean) => setForm({ ...form, themeDayFixed: v })} />
                </View>
                {form.themeDayFixed && (
                  <View className='policy-theme-day'>
                    <Text>每月</Text>
                    <Choice options={NTH_OPTIONS} value={form.themeDay.nth} onChange={(n) => setForm({ ...form, themeDay: { ...form.themeDay, nth: n } })} />
                    <Choice options={WEEKDAY_OPTIONS} value={form.themeDay.isoWeekday} onChange={(d) => setForm({ ...form, themeDay: { ...form.themeDay, isoWeekday: d } })} />
                  </View>
                )}
                <Issue issues={issues} path='themeDay' />
              </View>
              {NUMBER_FIELDS.life.map(numberInput)}
            </Panel>
            <Panel title='评优比例上限'>
              {NUMBER_FIELDS.quotas.map(numberInput)}
            </Panel>
            <Panel title='修改理由（必填）'>
              <TextArea className='policy-reason' value={reason} maxLength={500} placeholder='例如：工委会议决定提高抽查比例' onChange={(v: string) => setReason(v)} />
              <Issue issues={issues} path='reason' />
              <Issue issues={issues} path='' />
              {issues.size > 0 && <Text className='policy-issue'>{issueSummary(issues)}</Text>}
              {saved && <Text className='admin-ok policy-saved'>{saved}</Text>}
              <View className='admin-actions'>
                <Button type='primary' size='large' loading={busy} disabled={busy} onClick={() => void save(view)}>保存修改</Button>
                <Button size='large' disabled={busy} onClick={() => { setForm(toForm(view.policy)); setIssues(new Map()); setSaved(null); }}>放弃修改</Button>
              </View>
            </Panel>
          </>
        )}
      </Loaded>
    </AdminPage>
  );
}
