import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { PAGE_TITLES } from '../../../constants/theme';
import { listObservations } from '../../../services/office/observations';
import { fetchDeadlines } from '../../../services/office/reports';
import { AdminPage, Loaded, Nothing, Panel } from '../../components/admin-page';
import { Choice } from '../../components/choice';
import { currentYear, formatDayZh } from '../../components/dates';
import { useLoad } from '../../components/use-load';
import { YearSwitch } from '../../components/year-switch';
import { Tag } from '../../components/ui';
import { boardSections, boardTotals, pendingRows } from './deadlines-logic';
import './index.scss';

const BY = [{ value: 'branch', label: '按支部' }, { value: 'observer', label: '按观察员' }] as const;

export default function DeadlinesPage() {
  const [year, setYear] = useState(() => currentYear(Date.now()));
  const [by, setBy] = useState<'branch' | 'observer'>('branch');
  const { state, reload } = useLoad(async () => {
    const board = await fetchDeadlines(year, by);
    // The board names the observations past the holiday calendar by id only; their branch and date come from the list.
    const observations = board.beyondCalendar.length > 0 ? (await listObservations(year, { limit: 500, offset: 0 })).items : [];
    return { board, pending: pendingRows(board, observations) };
  }, [year, by]);

  return (
    <AdminPage title={PAGE_TITLES.adminDeadlines} hint='计划提交、评议表报送、书面反馈、整改和汇报的截止日期，按工作日（含调休）计算（CALC-3）。已超期的排在前面并标红。'
      toolbar={<YearSwitch year={year} onChange={setYear} />}>
      <View className='deadlines-by'>
        <Choice options={BY} value={by} onChange={setBy} />
      </View>
      <Loaded state={state} onRetry={() => void reload()} loadingText='正在计算截止事项…'>
        {({ board, pending }) => {
          const sections = boardSections(board);
          const totals = boardTotals(board);
          return (
            <>
              <View className='deadlines-summary'>
                <Text className={`deadlines-summary__item ${totals.overdue > 0 ? 'deadlines-summary__item--overdue' : ''}`}>已超期 {totals.overdue} 项</Text>
                <Text className='deadlines-summary__item deadlines-summary__item--soon'>即将到期 {totals.dueSoon} 项</Text>
                <Text className='admin-muted'>今天是 {formatDayZh(board.today)}</Text>
              </View>
              {sections.length === 0 && pending.length === 0 && (
                <Nothing title='没有即将到期或已超期的事项'
                  description='观摩安排后，计划提交、评议表报送、书面反馈、整改和汇报的期限会在到期前列在这里。' />
              )}
              {sections.map((s) => (
                <Panel key={s.id} className={`deadlines-group ${s.overdue > 0 ? 'deadlines-group--overdue' : ''}`} title={s.name}
                  extra={<Text className='admin-muted'>{[s.overdue > 0 && `超期 ${s.overdue}`, s.dueSoon > 0 && `将到期 ${s.dueSoon}`].filter(Boolean).join(' · ')}</Text>}>
                  {s.rows.map((r) => (
                    <View key={r.key} className={`admin-line deadline-item deadline-item--${r.state}`}>
                      <View className='deadline-item__main'>
                        <Text className='deadline-item__label'>{r.label}</Text>
                        <Text className='admin-muted'>{r.about} · {r.ruleId}</Text>
                      </View>
                      <View className='deadline-item__due'>
                        <Text className='deadline-item__date'>{r.due}</Text>
                        <View className='admin-row'>
                          <Tag type={r.overdue ? 'danger' : r.state === 'due_soon' ? 'warning' : 'default'} background={r.overdue || r.state === 'due_soon' ? undefined : '#8a8f99'}>{r.stateZh}</Tag>
                          <Text className='deadline-item__in'>{r.dueIn}</Text>
                        </View>
                      </View>
                    </View>
                  ))}
                </Panel>
              ))}
              {pending.length > 0 && (
                <Panel title='待公布' className='deadlines-pending'>
                  <Text className='admin-muted'>下一年的节假日和调休安排尚未公布，以下观摩的工作日期限暂不能计算，公布后会自动列出。</Text>
                  {pending.map((p) => (
                    <View key={p.id} className='admin-line deadline-item deadline-item--pending'>
                      <View className='deadline-item__main'>
                        <Text className='deadline-item__label'>{p.title}</Text>
                        <Text className='admin-muted'>{p.detail}</Text>
                      </View>
                      <Tag type='default' background='#8a8f99'>待公布</Tag>
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
