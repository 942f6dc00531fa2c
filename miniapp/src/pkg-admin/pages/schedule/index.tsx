import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { ADMIN_ROUTE_TO } from '../../../constants/routes';
import { PAGE_TITLES } from '../../../constants/theme';
import { isApiError, errorMessageZh } from '../../../services/api-error';
import { autoAssign, listObservations } from '../../../services/office/observations';
import { AdminPage, Loaded, Nothing, Pager } from '../../components/admin-page';
import { currentYear } from '../../components/dates';
import { useLoad } from '../../components/use-load';
import { YearSwitch } from '../../components/year-switch';
import { Button, Tag } from '../../components/ui';
import { observationRow, refusalText, withGroup } from './schedule-logic';
import './index.scss';

const PAGE_SIZE = 20;

export default function SchedulePage() {
  const [year, setYear] = useState(() => currentYear(Date.now()));
  const [page, setPage] = useState(1);
  // Each observation comes with its group's names: one request a page.
  const { state, reload, set } = useLoad(
    () => listObservations(year, { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }), [year, page]);
  const [busyId, setBusyId] = useState<string | null>(null);
  const [rowMessage, setRowMessage] = useState<{ id: string; ok: boolean; text: string } | null>(null);

  async function assign(id: string): Promise<void> {
    if (state.kind !== 'ready') return;
    setBusyId(id);
    setRowMessage(null);
    try {
      const g = await autoAssign(id);
      const list = state.data;
      set({ ...list, items: list.items.map((o) => (o.id === id ? withGroup(o, g) : o)) });
      setRowMessage({ id, ok: true, text: g.reasonZh });
    } catch (e) {
      setRowMessage({ id, ok: false, text: isApiError(e) ? refusalText(e) : errorMessageZh(e) });
    } finally {
      setBusyId(null);
    }
  }

  return (
    <AdminPage title={PAGE_TITLES.adminSchedule} hint='本年度的巡听、旁听和观察员观摩安排。尚未分组的可一键自动分组（按工作量从少到多，不会安排观摩本人所在支部，OBS-8）；点“调整小组”可手工增减。'
      toolbar={<YearSwitch year={year} onChange={(y) => { setYear(y); setPage(1); setRowMessage(null); }} />}>
      <Loaded state={state} onRetry={() => void reload()} loadingText='正在读取观摩安排…'>
        {(list) => (list.total === 0 ? (
          <Nothing title={`${year}年还没有安排观摩`}
            description='先在“年度抽查”中抽取旁听支部，再由会议所在支部登记会议后安排观摩；已安排的观摩会列在这里。' />
        ) : (
          <View className='schedule-list'>
            <Text className='admin-muted schedule-count'>共 {list.total} 次观摩</Text>
            {list.items.map((o) => {
              const row = observationRow(o, year);
              const msg = rowMessage?.id === o.id ? rowMessage : null;
              return (
                <View key={o.id} className={`schedule-item ${row.cancelled ? 'schedule-item--cancelled' : ''}`}>
                  <View className='schedule-item__head'>
                    <Tag type={o.mode === 'xunting' ? 'primary' : o.mode === 'pangting' ? 'warning' : 'success'} className='schedule-mode'>{row.mode}</Tag>
                    <Text className='schedule-item__branch'>{row.branch}</Text>
                    <Text className='schedule-item__status'>{row.status}</Text>
                  </View>
                  <Text className='schedule-item__line'>{row.when} · {row.meeting}</Text>
                  <Text className={`schedule-item__line schedule-group ${row.needsGroup ? 'schedule-group--none' : ''}`}>观察小组：{row.group}</Text>
                  {msg && <Text className={msg.ok ? 'schedule-msg admin-ok' : 'schedule-msg admin-error'}>{msg.text}</Text>}
                  {!row.cancelled && (
                    <View className='admin-actions'>
                      {row.needsGroup && (
                        <Button type='primary' size='large' loading={busyId === o.id} disabled={busyId !== null} onClick={() => void assign(o.id)}>自动分组</Button>
                      )}
                      <Button size='large' disabled={busyId !== null} onClick={() => void Taro.navigateTo({ url: ADMIN_ROUTE_TO.group(o.id) })}>
                        {row.needsGroup ? '手工分组' : '调整小组'}
                      </Button>
                    </View>
                  )}
                </View>
              );
            })}
            <Pager page={page} total={list.total} pageSize={PAGE_SIZE} onChange={setPage} />
          </View>
        ))}
      </Loaded>
    </AdminPage>
  );
}
