import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { TMe, TObservationDetail } from '../../../services/schemas';
import type { TRectificationItemView } from '../../../services/branch-schemas';
import { PageShell } from '../../../components/page-shell';
import { usePageData } from '../../../components/use-page-data';
import { ErrorBlock, LoadingBlock } from '../../../components/status-block';
import { Button, Cell, CellGroup, TextArea } from '../../../components/ui';
import { formatDateZh, todayInShanghai } from '../../../components/format';
import { BRANCH_ROUTE_TO } from '../../../constants/routes';
import { PAGE_TITLES } from '../../../constants/theme';
import { fetchMe } from '../../../services/auth';
import { fetchRectification, submitEvidence, verifyItem } from '../../../services/branch';
import { pickPhoto, uploadPhoto } from '../../../services/evidence';
import { fetchObservation } from '../../../services/meetings';
import { Field } from '../../components/field';
import { FormProblem, submitErrorText } from '../../logic/form-logic';
import { evidenceRequest, historyLines, itemLine, itemPermissions, verifyRequest } from '../../logic/rectification-logic';
import '../../components/branch.scss';

type Loaded = { me: TMe; observation: TObservationDetail; item: TRectificationItemView };

/** One rectification item's closed loop (FB-2): evidence in, then closed or sent back with a reason. */
export default function ItemPage() {
  const { observationId = '', itemId = '' } = useRouter().params;
  const { data, setData, error, reload } = usePageData<Loaded>(async () => {
    const [me, observation, r] = await Promise.all([fetchMe(), fetchObservation(observationId), fetchRectification(observationId)]);
    const item = r.items.find((i) => i.id === itemId);
    if (!item) throw new FormProblem('没有找到这项整改事项，它可能已被删除。');
    return { me, observation, item };
  }, { refreshOnShow: true, errorText: submitErrorText });
  const [text, setText] = useState('');
  const [photos, setPhotos] = useState<string[]>([]);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState<string | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  async function act(key: string, f: () => Promise<string>): Promise<void> {
    setBusy(key);
    setMessage(null);
    try {
      setMessage({ ok: true, text: await f() });
    } catch (e) {
      setMessage({ ok: false, text: submitErrorText(e) });
    } finally {
      setBusy(null);
    }
  }

  const title = PAGE_TITLES.branchItem;
  if (error) return <PageShell title={title}><ErrorBlock message={error} onRetry={() => void reload()} /></PageShell>;
  if (!data) return <PageShell title={title}><LoadingBlock /></PageShell>;

  const { me, observation, item } = data;
  const can = itemPermissions(me, item, observation);
  const line = itemLine(item, todayInShanghai(Date.now()));
  const updated = (next: TRectificationItemView) => setData({ ...data, item: next });

  const addPhoto = () => act('photo', async () => {
    const photo = await pickPhoto();
    if (!photo) return '没有选择照片';
    const id = await uploadPhoto(observation.meeting.id, photo);
    setPhotos((p) => [...p, id]);
    return '照片已上传，提交时一并附上';
  });
  const submit = () => act('submit', async () => {
    const body = evidenceRequest(text, photos);
    if ('problem' in body) throw new FormProblem(body.problem);
    updated(await submitEvidence(item.id, body));
    setText('');
    setPhotos([]);
    return '已提交整改材料，等待观察小组或机关党委办核验';
  });
  const verify = (decision: 'close' | 'return') => act(decision, async () => {
    const body = verifyRequest(decision, reason);
    if ('problem' in body) throw new FormProblem(body.problem);
    updated(await verifyItem(item.id, body));
    setReason('');
    return decision === 'close' ? '已核验销号' : '已退回，支部会看到退回理由';
  });

  return (
    <PageShell title={title}>
      <Text className='page-title'>{item.title}</Text>
      <CellGroup>
        <Cell className={`branch-multiline item-status${line.urgent ? ' branch-urgent' : ''}`} title='状态' description={line.description} />
        {item.evidenceText && <Cell className='branch-multiline' title='整改情况说明' description={item.evidenceText} />}
        {item.evidenceIds.length > 0 && <Cell title='佐证照片' extra={`${item.evidenceIds.length} 张`} />}
        <Cell title='来自' description={observation.meeting.topic} clickable extra='反馈与整改' onClick={() => void Taro.navigateTo({ url: BRANCH_ROUTE_TO.rectification(observation.id) })} />
      </CellGroup>

      {can.canSubmit && (
        <View className='page-section'>
          <Field label='整改情况说明' hint={item.status === 'returned' ? '请针对退回理由补充整改后重新提交' : `请在 ${formatDateZh(item.dueDate)} 前完成并提交`}>
            <TextArea className='item-evidence' value={text} maxLength={5000} autoSize placeholder='做了什么、何时完成、可在哪里查到' onChange={(v: string) => setText(v)} />
          </Field>
          <View className='page-actions'>
            {can.canUpload && (
              <Button size='large' block loading={busy === 'photo'} disabled={busy !== null} onClick={() => void addPhoto()}>
                {photos.length > 0 ? `再添加照片（已添加 ${photos.length} 张）` : '添加照片（会议记录、现场照片）'}
              </Button>
            )}
            <Button type='primary' size='xlarge' block loading={busy === 'submit'} disabled={busy !== null} onClick={() => void submit()}>提交整改材料</Button>
          </View>
        </View>
      )}

      {can.canVerify && (
        <View className='page-section'>
          <Field label='核验' hint='材料属实即可销号；不符合要求请写明退回理由，支部会看到'>
            <TextArea className='item-reason' value={reason} maxLength={500} placeholder='退回理由（销号时不用填）' onChange={(v: string) => setReason(v)} />
          </Field>
          <View className='page-actions item-verify'>
            <Button type='primary' size='xlarge' block loading={busy === 'close'} disabled={busy !== null} onClick={() => void verify('close')}>核验通过，销号</Button>
            <Button size='large' block loading={busy === 'return'} disabled={busy !== null} onClick={() => void verify('return')}>退回重新整改</Button>
          </View>
        </View>
      )}

      {message && <Text className={message.ok ? 'branch-ok' : 'branch-problems'}>{message.text}</Text>}

      <CellGroup title='办理过程'>
        {historyLines(item).map((h, i) => <Cell key={i} className='branch-multiline' title={h} />)}
      </CellGroup>
    </PageShell>
  );
}
