import { useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { PageShell } from '../../../components/page-shell';
import { Button, TextArea } from '../../../components/ui';
import { formatInstantZh, todayInShanghai } from '../../../components/format';
import { PAGE_TITLES } from '../../../constants/theme';
import { fileYearlyPlan } from '../../../services/branch';
import { Field } from '../../components/field';
import { submitErrorText } from '../../logic/form-logic';
import '../../components/branch.scss';

/** MTG-10: the branch files its yearly plan of organisational life with the superior (filing again replaces it). */
export default function YearlyPlanPage() {
  const orgId = useRouter().params.orgId ?? '';
  const year = Number(todayInShanghai(Date.now()).slice(0, 4));
  const [content, setContent] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  async function submit(): Promise<void> {
    if (content.trim() === '') {
      setMessage({ ok: false, text: '请填写年度计划的内容' });
      return;
    }
    setBusy(true);
    setMessage(null);
    try {
      const filedAt = await fileYearlyPlan(orgId, year, content.trim());
      setMessage({ ok: true, text: `已于 ${formatInstantZh(filedAt)} 报送。如需修改，改好后再次报送即可。` });
    } catch (e) {
      setMessage({ ok: false, text: submitErrorText(e) });
    } finally {
      setBusy(false);
    }
  }

  const title = PAGE_TITLES.branchYearlyPlan;
  if (!orgId) return <PageShell title={title}><Text className='page-hint'>没有指定支部，请从“支部工作台”进入。</Text></PageShell>;
  return (
    <PageShell title={title}>
      <Text className='page-title'>{year}年度组织生活计划</Text>
      <Field label='计划内容' hint='按季度或月份写明支部党员大会、支委会、党小组会、党课、主题党日和组织生活会的安排'>
        <TextArea value={content} maxLength={20000} autoSize placeholder='如：第一季度 支部党员大会 1 次（3月），党课 1 次……' onChange={(v: string) => setContent(v)} />
      </Field>
      {message && <Text className={message.ok ? 'branch-ok' : 'branch-problems'}>{message.text}</Text>}
      <View className='page-actions'>
        <Button type='primary' size='xlarge' block loading={busy} disabled={busy} onClick={() => void submit()}>报送</Button>
      </View>
    </PageShell>
  );
}
