import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { PAGE_TITLES } from '../../../constants/theme';
import { fetchResults } from '../../../services/office/reports';
import { AdminPage, Loaded, Nothing, Panel } from '../../components/admin-page';
import { Bar } from '../../components/bar';
import { Choice } from '../../components/choice';
import { currentYear } from '../../components/dates';
import { useLoad } from '../../components/use-load';
import { YearSwitch } from '../../components/year-switch';
import { criterionBars, distributionBars, groupSummary, totalBars } from './results-logic';
import './index.scss';

const BY = [{ value: 'branch', label: '按支部' }, { value: 'department', label: '按部门' }] as const;

export default function ResultsPage() {
  const [year, setYear] = useState(() => currentYear(Date.now()));
  const [by, setBy] = useState<'branch' | 'department'>('branch');
  const { state, reload } = useLoad(() => fetchResults(year, by), [year, by]);

  return (
    <AdminPage title={PAGE_TITLES.adminResults} hint='观察小组评分汇总（取每位观察员最新一版评分，SCORE-3），计入支部考核和评优评先（SCORE-4）。'
      toolbar={<YearSwitch year={year} onChange={setYear} />}>
      <View className='results-by'>
        <Choice options={BY} value={by} onChange={setBy} />
      </View>
      <Loaded state={state} onRetry={() => void reload()} loadingText='正在汇总评分…'>
        {({ groups }) => (groups.length === 0 ? (
          <Nothing title={`${year}年还没有评分结果`} description='观察员提交评分表后，这里按支部和部门汇总平均分和等次分布。' />
        ) : (
          <>
            <Panel title='等次分布' className='results-distribution'>
              <Text className='admin-muted'>各次观摩每项评分的小组平均分落在各等次的次数（好 15-20，较好 10-14，一般 5-9，较差 0-4）。</Text>
              {distributionBars(groups).map((b) => <Bar key={b.key} label={b.label} value={b.value} widthPct={b.widthPct} tone={b.tone} />)}
            </Panel>
            <Panel title={by === 'branch' ? '各支部平均总分' : '各部门平均总分'} className='results-totals'>
              {totalBars(groups).map((b) => <Bar key={b.key} label={b.label} value={b.value} widthPct={b.widthPct} tone={b.tone} />)}
            </Panel>
            {groups.map((g) => (
              <Panel key={g.id + g.rubric} title={g.name} className='results-group'>
                <Text className='admin-muted'>{groupSummary(g)}</Text>
                {criterionBars(g).map((b) => <Bar key={b.key} label={b.label} value={b.value} widthPct={b.widthPct} tone={b.tone} />)}
              </Panel>
            ))}
          </>
        ))}
      </Loaded>
    </AdminPage>
  );
}
