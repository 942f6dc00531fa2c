import { useState } from 'react';
import { ScrollView, Text, View } from '@tarojs/components';
import { PAGE_TITLES } from '../../../constants/theme';
import { fetchCompliance } from '../../../services/office/reports';
import { AdminPage, Loaded, Nothing, Pager, Panel } from '../../components/admin-page';
import { currentYear, formatDayZh } from '../../components/dates';
import { useLoad } from '../../components/use-load';
import { YearSwitch } from '../../components/year-switch';
import { complianceRows, coverageText } from './compliance-logic';
import './index.scss';

const PAGE_SIZE = 20;
const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);

export default function CompliancePage() {
  const [year, setYear] = useState(() => currentYear(Date.now()));
  const [page, setPage] = useState(1);
  const { state, reload } = useLoad(() => fetchCompliance(year, { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }), [year, page]);
  const [picked, setPicked] = useState<string | null>(null);

  return (
    <AdminPage title={PAGE_TITLES.adminCompliance} hint='各支部每月“三会一课”落实情况（MTG-1～6，CALC-4）。季度、年度要求显示在该季度（年度）的最后一个月；标红为缺开，“免”为已批准免于开展；“连续6月未参加”为 ATT-1 提示；“观摩”为本年度的巡听、旁听，标红为尚未观摩（OBS-4）。'
      toolbar={<YearSwitch year={year} onChange={(y) => { setYear(y); setPage(1); setPicked(null); }} />}>
      <Loaded state={state} onRetry={() => void reload()} loadingText='正在统计各支部落实情况…'>
        {(report) => {
          const rows = complianceRows(report);
          const attention = rows.filter((r) => r.missing.length > 0 || r.flagged.length > 0 || r.exemptions.length > 0);
          if (report.total === 0) {
            return <Nothing title='管理范围内还没有党支部' description='请先在组织管理中录入支部，之后这里会显示每个支部每月的落实情况。' />;
          }
          return (
            <>
              <View className='compliance-meta'>
                <Text className='admin-muted'>统计至 {formatDayZh(report.asOf)} · 共 {report.total} 个支部，本页 {rows.length} 个</Text>
                <Text className='admin-muted'>{coverageText(report)}</Text>
              </View>
              <View className='compliance-legend'>
                <Text className='compliance-cell compliance-cell--met'>✓ 已开</Text>
                <Text className='compliance-cell compliance-cell--missing'>缺 缺开</Text>
                <Text className='compliance-cell compliance-cell--exempt'>免 已免</Text>
                <Text className='compliance-cell compliance-cell--pending'>未到 尚未到期</Text>
              </View>
              <ScrollView scrollX className='compliance-scroll'>
                <View className='compliance-table'>
                  <View className='compliance-tr compliance-tr--head'>
                    <Text className='compliance-th compliance-name'>支部</Text>
                    {MONTHS.map((m) => <Text key={m} className='compliance-th'>{m}月</Text>)}
                    <Text className='compliance-th compliance-att'>ATT-1</Text>
                    <Text className='compliance-th compliance-obs'>观摩</Text>
                  </View>
                  {rows.map((r) => (
                    <View key={r.orgId} className={`compliance-tr ${r.ok ? '' : 'compliance-tr--attention'}`}>
                      <View className='compliance-name'>
                        <Text className='compliance-name__branch'>{r.name}</Text>
                        <Text className='compliance-name__dept'>{r.departmentName}</Text>
                      </View>
                      {r.cells.map((c) => (
                        <Text key={c.month} className={`compliance-cell compliance-cell--${c.state}`}
                          onClick={() => setPicked(`${r.name} ${c.month}月：${c.detail}`)}>{c.text}</Text>
                      ))}
                      <Text className={`compliance-cell compliance-att ${r.flagged.length > 0 ? 'compliance-cell--flagged' : ''}`}>
                        {r.flagged.length > 0 ? `${r.flagged.length} 人` : '—'}
                      </Text>
                      <Text className={`compliance-cell compliance-obs ${r.neverObserved ? 'compliance-cell--unobserved' : ''}`}>{r.observed}</Text>
                    </View>
                  ))}
                </View>
              </ScrollView>
              <Text className='compliance-picked admin-muted'>{picked ?? '点表格中的格子可查看当月各项要求的情况。'}</Text>
              <Pager page={page} total={report.total} pageSize={PAGE_SIZE} onChange={setPage} />
              {attention.length > 0 && (
                <Panel title='需要关注' className='compliance-attention'>
                  {attention.map((r) => (
                    <View key={r.orgId} className='compliance-detail'>
                      <Text className='compliance-detail__name'>{r.name}</Text>
                      {r.missing.map((m) => <Text key={m} className='compliance-detail__line compliance-detail__line--missing'>缺开：{m}</Text>)}
                      {r.flagged.map((f) => <Text key={f} className='compliance-detail__line compliance-detail__line--missing'>连续6个月未参加组织生活（ATT-1）：{f}</Text>)}
                      {r.exemptions.map((e) => <Text key={e} className='compliance-detail__line'>已免：{e}</Text>)}
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
