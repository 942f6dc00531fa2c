import { useCallback, useState } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { TMyAttendanceItem, TMyAttendanceResponse, TMyRectificationsResponse } from '../../../services/branch-schemas';
import { PageShell } from '../../../components/page-shell';
import { ErrorBlock, LoadingBlock } from '../../../components/status-block';
import { Button, Cell, CellGroup, Empty } from '../../../components/ui';
import { todayInShanghai } from '../../../components/format';
import { ROUTES } from '../../../constants/routes';
import { PAGE_TITLES } from '../../../constants/theme';
import { errorMessageZh, isApiError } from '../../../services/api-error';
import { isLoggedIn } from '../../../services/auth';
import { fetchMyAttendance, fetchMyRectifications } from '../../../services/member';
import { appendPage, attendanceRow, countsLine, myItemRow } from './history-logic';
import './index.scss';

type Loaded = { attendance: TMyAttendanceResponse; shown: TMyAttendanceItem[]; items: TMyRectificationsResponse };

/** FB-4, ATT-1: my past meetings with how I attended, and the rectification items I own. */
export default function HistoryPage() {
  const thisYear = Number(todayInShanghai(Date.now()).slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const [data, setData] = useState<Loaded | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [more, setMore] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null });

  const load = useCallback(async (y: number) => {
    if (!isLoggedIn()) {
      void Taro.reLaunch({ url: ROUTES.login });
      return;
    }
    setError(null);
    setData(null);
    try {
      const [attendance, items] = await Promise.all([fetchMyAttendance(y), fetchMyRectifications()]);
      setData({ attendance, shown: attendance.items, items });
    } catch (e) {
      if (isApiError(e) && e.status === 401) {
        void Taro.reLaunch({ url: ROUTES.login });
        return;
      }
      setError(errorMessageZh(e));
    }
  }, []);

  useDidShow(() => { void load(year); });

  function switchYear(y: number): void {
    setYear(y);
    void load(y);
  }

  async function loadMore(): Promise<void> {
    if (!data?.attendance.nextOffset) return;
    setMore({ busy: true, error: null });
    try {
      const page = await fetchMyAttendance(year, data.attendance.nextOffset);
      setData({ ...data, attendance: page, shown: appendPage(data.shown, page.items) });
      setMore({ busy: false, error: null });
    } catch (e) {
      setMore({ busy: false, error: errorMessageZh(e) });
    }
  }

  const title = PAGE_TITLES.memberHistory;
  if (error) return <PageShell title={title}><ErrorBlock message={error} onRetry={() => void load(year)} /></PageShell>;
  if (!data) return <PageShell title={title}><LoadingBlock text='正在加载参会记录…' /></PageShell>;

  const { attendance, shown, items } = data;
  return (
    <PageShell title={title}>
      <Text className='page-title'>我负责的整改事项</Text>
      <View className='page-section'>
        {items.items.length === 0 ? (
          <Text className='page-hint'>目前没有由您负责的整改事项。支部研究观察反馈后，分配给您的事项会列在这里。</Text>
        ) : (
          <CellGroup>
            {items.items.map((i) => {
              const row = myItemRow(i);
              return (
                <Cell key={i.id} className={`history-item${row.urgent ? ' is-urgent' : ''}`} title={row.title} description={row.description}
                  clickable extra='办理' onClick={() => void Taro.navigateTo({ url: row.url })} />
              );
            })}
          </CellGroup>
        )}
      </View>

      <Text className='page-title history-heading'>参会记录</Text>
      <Text className='page-hint'>{countsLine(attendance)}</Text>
      <View className='history-years'>
        <Button size='large' onClick={() => switchYear(year - 1)}>{`${year - 1}年`}</Button>
        {year < thisYear && <Button size='large' onClick={() => switchYear(year + 1)}>{`${year + 1}年`}</Button>}
      </View>
      <View className='page-section'>
        {shown.length === 0 ? (
          <Empty imageSize={64} title={`${year}年没有已结束的会议`} description='会议结束后，您的出席、请假或缺席情况会记在这里。' />
        ) : (
          <CellGroup>
            {shown.map((i) => {
              const row = attendanceRow(i);
              return (
                <Cell key={i.meetingId} className='history-meeting' title={row.title} description={row.description}
                  extra={<Text className={`history-state history-state--${row.stateClass}`}>{row.state}</Text>} />
              );
            })}
          </CellGroup>
        )}
      </View>
      {more.error && <ErrorBlock message={more.error} />}
      {attendance.nextOffset !== null && (
        <View className='page-actions'>
          <Button size='large' block loading={more.busy} disabled={more.busy} onClick={() => void loadMore()}>加载更多</Button>
        </View>
      )}
    </PageShell>
  );
}
