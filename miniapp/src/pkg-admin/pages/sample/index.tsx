import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { PAGE_TITLES } from '../../../constants/theme';
import { formatInstantZh } from '../../../components/format';
import { errorMessageZh } from '../../../services/api-error';
import { fetchPolicy } from '../../../services/office/policy';
import { drawSample, fetchDraws, fetchFilings, verifyDraw } from '../../../services/office/sampling';
import type { TSampleDraw, TSampleVerification } from '../../../services/office/schemas';
import { AdminPage, Loaded, Panel } from '../../components/admin-page';
import { Facts } from '../../components/facts';
import { currentYear, percentZh } from '../../components/dates';
import { useLoad } from '../../components/use-load';
import { YearSwitch } from '../../components/year-switch';
import { Button, Cell, CellGroup, Input, TextArea } from '../../components/ui';
import {
  departmentNames, drawerName, drawFacts, drawnByDepartment, drawProblem, filingSummary, missingFilings, supersededDraws, verificationText,
} from './sample-logic';
import './index.scss';

const SHOWN_MISSING = 50;

function DrawnBranches({ draw, departments }: { draw: TSampleDraw; departments: Map<string, string> }) {
  return (
    <View className='sample-drawn'>
      {drawnByDepartment(draw, departments).map((g) => (
        <View key={g.departmentId} className='sample-drawn__department'>
          <Text className='sample-drawn__name'>{g.departmentName}{g.population !== null ? `（${g.branches.length}/${g.population}）` : `（${g.branches.length} 个）`}</Text>
          {g.branches.map((b) => <Text key={b} className='sample-drawn__branch'>{b}</Text>)}
        </View>
      ))}
    </View>
  );
}

export default function SamplePage() {
  const [year, setYear] = useState(() => currentYear(Date.now()));
  const { state, reload } = useLoad(async () => {
    const [filings, draws, policy] = await Promise.all([fetchFilings(year), fetchDraws(year), fetchPolicy()]);
    return { filings, draws, rate: policy.policy.samplingRate };
  }, [year]);
  const [seed, setSeed] = useState('');
  const [reason, setReason] = useState('');
  const [redrawing, setRedrawing] = useState(false);
  const [busy, setBusy] = useState<'draw' | 'verify' | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const [verification, setVerification] = useState<TSampleVerification | null>(null);

  function changeYear(y: number): void {
    setYear(y);
    setRedrawing(false);
    setActionError(null);
    setVerification(null);
  }

  async function draw(hasCurrent: boolean): Promise<void> {
    const problem = drawProblem(hasCurrent, reason);
    if (problem) {
      setActionError(problem);
      return;
    }
    setBusy('draw');
    setActionError(null);
    setVerification(null);
    try {
      await drawSample({ year, seed, reason: hasCurrent ? reason : undefined });
      setSeed('');
      setReason('');
      setRedrawing(false);
      await reload();
    } catch (e) {
      setActionError(errorMessageZh(e));
    } finally {
      setBusy(null);
    }
  }

  async function verify(drawId: string): Promise<void> {
    setBusy('verify');
    setActionError(null);
    try {
      setVerification(await verifyDraw(drawId));
    } catch (e) {
      setActionError(errorMessageZh(e));
    } finally {
      setBusy(null);
    }
  }

  const drawForm = (hasCurrent: boolean) => (
    <View className='sample-form'>
      {hasCurrent && (
        <View className='sample-field'>
          <Text className='sample-field__label'>重新抽查的理由（必填）</Text>
          <TextArea className='sample-reason' value={reason} maxLength={500} placeholder='例如：教育局新设两个支部，需重新抽查'
            onChange={(v: string) => setReason(v)} />
        </View>
      )}
      <View className='sample-field'>
        <Text className='sample-field__label'>随机种子（可不填，由系统生成；也可填写公开摇号的号码）</Text>
        <Input className='sample-seed' value={seed} maxLength={200} placeholder='不填则自动生成' onChange={(v: string) => setSeed(v)} />
      </View>
      {actionError && <Text className='admin-error'>{actionError}</Text>}
      <View className='admin-actions'>
        <Button type='primary' size='large' loading={busy === 'draw'} disabled={busy !== null} onClick={() => void draw(hasCurrent)}>
          {hasCurrent ? '确认重新抽查' : '抽取旁听支部'}
        </Button>
        {hasCurrent && <Button size='large' disabled={busy !== null} onClick={() => { setRedrawing(false); setActionError(null); }}>取消</Button>}
      </View>
    </View>
  );

  return (
    <AdminPage title={PAGE_TITLES.adminSample} hint='按制度比例从管理范围内的支部中随机抽取当年旁听对象（OBS-3）；随机种子和抽取方法随结果保存，任何人都可以复核（CALC-1）。'
      toolbar={<YearSwitch year={year} onChange={changeYear} />}>
      <Loaded state={state} onRetry={() => void reload()} loadingText='正在读取报送和抽查情况…'>
        {({ filings, draws, rate }) => {
          const current = draws.current[0] ?? null;
          const departments = departmentNames(filings);
          const missing = missingFilings(filings);
          const old = supersededDraws([...draws.current, ...draws.history]);
          const check = verification && current && verification.drawId === current.id ? verificationText(verification) : null;
          return (
            <>
              <Panel title='旁听抽查' className='sample-current'>
                {current ? (
                  <>
                    <Facts facts={drawFacts(current)} />
                    <Text className='sample-subtitle'>抽中的支部</Text>
                    <DrawnBranches draw={current} departments={departments} />
                    {check && <Text className={check.ok ? 'sample-check admin-ok' : 'sample-check admin-error'}>{check.text}</Text>}
                    {redrawing ? drawForm(true) : (
                      <>
                        {actionError && <Text className='admin-error'>{actionError}</Text>}
                        <View className='admin-actions'>
                          <Button type='primary' fill='outline' size='large' loading={busy === 'verify'} disabled={busy !== null}
                            onClick={() => void verify(current.id)}>复核（重新运行）</Button>
                          <Button size='large' disabled={busy !== null} onClick={() => { setRedrawing(true); setActionError(null); }}>重新抽查</Button>
                        </View>
                      </>
                    )}
                  </>
                ) : (
                  <>
                    <Text className='admin-muted'>
                      {year}年尚未抽查。将按 {percentZh(rate)} 的比例从 {filings.total} 个支部中抽取，每个部门至少一个。
                    </Text>
                    {filings.total === 0 ? <Text className='admin-error'>管理范围内没有党支部，无法抽查。请先在组织管理中录入支部。</Text> : drawForm(false)}
                  </>
                )}
              </Panel>

              <Panel title='备案报送情况' className='sample-filings'>
                <Text className='admin-muted'>{filingSummary(filings)}</Text>
                {missing.length === 0 ? (
                  <Text className='sample-all-filed admin-ok'>全部支部已报送年度计划和备案表。</Text>
                ) : (
                  <CellGroup>
                    {missing.slice(0, SHOWN_MISSING).map((m) => (
                      <Cell key={m.orgId} className='sample-missing' title={m.name} description={m.departmentName} extra={`未报：${m.missing}`} />
                    ))}
                    {missing.length > SHOWN_MISSING && <Cell title={`还有 ${missing.length - SHOWN_MISSING} 个支部未报送`} description='可导出备案表查看全部。' />}
                  </CellGroup>
                )}
              </Panel>

              {old.length > 0 && (
                <Panel title='已被替换的抽查' className='sample-history'>
                  {old.map(({ draw: d, replacedBy }) => (
                    <View key={d.id} className='sample-history__item'>
                      <Facts facts={[
                        { label: '随机种子', value: d.seed },
                        { label: '抽取时间', value: formatInstantZh(d.drawnAt) },
                        { label: '抽取人', value: drawerName(d) },
                        { label: '抽中支部', value: d.branches.map((b) => b.name).join('、') },
                        { label: '被替换原因', value: replacedBy?.redrawReason ?? '（未记录）' },
                      ]} />
                    </View>
                  ))}
                </Panel>
              )}
            </>
          );
        }}
      </Loaded>
    </AdminPage>
  );
}
