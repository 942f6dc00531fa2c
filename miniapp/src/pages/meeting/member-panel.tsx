import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { TLeaveCategory, TRosterResponse, TRosterRow } from '../../services/schemas';
import { Button, Cell, CellGroup, TextArea } from '../../components/ui';
import { ErrorBlock, LoadingBlock } from '../../components/status-block';
import { formatTimeZh } from '../../components/format';
import { ATTENDANCE_STATE_ZH, LEAVE_CATEGORY_ZH } from '../../constants/labels';
import { ROUTE_TO } from '../../constants/routes';
import { errorMessageZh } from '../../services/api-error';
import { answerAttendance } from '../../services/checkins';
import { leaveRequest } from './meeting-logic';

const CATEGORIES: TLeaveCategory[] = ['sick', 'personal', 'official'];

function stateLine(row: TRosterRow): string {
  if (row.state === 'present' && row.checkedInAt) return `已签到（${formatTimeZh(row.checkedInAt)}）`;
  if (row.state === 'leave') return `已请假（${row.leaveCategory ? LEAVE_CATEGORY_ZH[row.leaveCategory] : ''}）${row.leaveReason ? `：${row.leaveReason}` : ''}`;
  return ATTENDANCE_STATE_ZH[row.state];
}

/** A member's part: own state, 确认参会 or 请假 with category and reason (ATT-1), and the way to check in. */
export function MemberPanel({ meetingId, row, cancelled, onRoster }: { meetingId: string; row: TRosterRow; cancelled: boolean; onRoster: (r: TRosterResponse) => void }) {
  const [mode, setMode] = useState<'view' | 'leave'>('view');
  const [category, setCategory] = useState<TLeaveCategory | null>(null);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function send(body: Parameters<typeof answerAttendance>[0]): Promise<void> {
    setBusy(true);
    setError(null);
    try {
      onRoster(await answerAttendance(body));
      setMode('view');
    } catch (e) {
      setError(errorMessageZh(e));
    } finally {
      setBusy(false);
    }
  }

  function submitLeave(): void {
    const req = leaveRequest(meetingId, category, reason);
    if (!req.ok) {
      setError(req.message);
      return;
    }
    void send(req.body);
  }

  const present = row.state === 'present';
  return (
    <View className='page-section'>
      <CellGroup title='我的参会'>
        <Cell title='当前状态' extra={<Text className={`meeting-state meeting-state--${row.state}`}>{stateLine(row)}</Text>} />
      </CellGroup>
      {error && <ErrorBlock message={error} />}
      {busy && <LoadingBlock text='正在提交…' />}
      {!cancelled && !present && mode === 'view' && (
        <View className='page-actions meeting-actions'>
          <Button type='primary' size='large' block disabled={busy || row.state === 'confirmed'} onClick={() => void send({ meetingId, state: 'confirmed' })}>
            {row.state === 'confirmed' ? '已确认参会' : '确认参会'}
          </Button>
          <Button size='large' block disabled={busy} onClick={() => { setMode('leave'); setError(null); }}>请假</Button>
          <Button size='large' block fill='outline' type='primary' onClick={() => void Taro.navigateTo({ url: ROUTE_TO.scanFor(meetingId) })}>扫码签到</Button>
        </View>
      )}
      {!cancelled && !present && mode === 'leave' && (
        <View className='page-actions meeting-leave'>
          <Text className='meeting-leave__label'>请假类别</Text>
          <View className='meeting-choices'>
            {CATEGORIES.map((c) => (
              <Button key={c} size='large' type={category === c ? 'primary' : 'default'} onClick={() => setCategory(c)}>{LEAVE_CATEGORY_ZH[c]}</Button>
            ))}
          </View>
          <Text className='meeting-leave__label'>请假事由</Text>
          <TextArea className='meeting-leave__reason' placeholder='请写明请假事由，支部书记会看到' value={reason} maxLength={500} onChange={(v: string) => setReason(v)} />
          <Button type='primary' size='large' block disabled={busy} onClick={submitLeave}>提交请假</Button>
          <Button size='large' block disabled={busy} onClick={() => { setMode('view'); setError(null); }}>取消</Button>
        </View>
      )}
    </View>
  );
}
