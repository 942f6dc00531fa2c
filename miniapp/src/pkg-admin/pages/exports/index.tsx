import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { PAGE_TITLES } from '../../../constants/theme';
import { errorMessageZh } from '../../../services/api-error';
import { currentPlatform, downloadExport, type ExportRequest } from '../../../services/office/exports';
import { listObservations } from '../../../services/office/observations';
import { AdminPage, Loaded, Pager, Panel } from '../../components/admin-page';
import { currentYear, formatWhenZh } from '../../components/dates';
import { useLoad } from '../../components/use-load';
import { YearSwitch } from '../../components/year-switch';
import { Button } from '../../components/ui';
import { OBSERVATION_MODE_ZH } from '../../../constants/labels';
import { doneText, fallbackName, observationExports, YEAR_EXPORTS } from './exports-logic';
import './index.scss';

const PAGE_SIZE = 20;
const platform = currentPlatform();

export default function ExportsPage() {
  const [year, setYear] = useState(() => currentYear(Date.now()));
  const [page, setPage] = useState(1);
  const { state, reload } = useLoad(() => listObservations(year, { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }), [year, page]);
  const [busy, setBusy] = useState<string | null>(null);
  const [message, setMessage] = useState<{ key: string; ok: boolean; text: string } | null>(null);

  async function download(key: string, r: ExportRequest, orgName?: string): Promise<void> {
    setBusy(key);
    setMessage(null);
    try {
      const name = await downloadExport(r, fallbackName(r, orgName));
      setMessage({ key, ok: true, text: doneText(name, platform) });
    } catch (e) {
      setMessage({ key, ok: false, text: errorMessageZh(e) });
    } finally {
      setBusy(null);
    }
  }

  const note = (key: string) => (message?.key === key
    ? <Text className={message.ok ? 'exports-msg admin-ok' : 'exports-msg admin-error'}>{message.text}</Text> : null);

  return (
    <AdminPage title={PAGE_TITLES.adminExports}
      hint={platform === 'weapp' ? '在手机上导出的表格会直接打开，可转发或保存；观摩报告请在电脑上的网页端导出并打印。' : '表格以 Excel 文件下载，可直接打印；观摩报告为网页文件，用浏览器打开后打印。'}
      toolbar={<YearSwitch year={year} onChange={(y) => { setYear(y); setPage(1); setMessage(null); }} />}>
      <Panel title='年度台账'>
        {YEAR_EXPORTS.map((e) => {
          const key = e.kind;
          const r: ExportRequest = e.kind === 'beian' ? { kind: e.kind, year } : { kind: e.kind };
          return (
            <View key={key} className='admin-line exports-item'>
              <View className='exports-item__text'>
                <Text className='exports-item__title'>{e.kind === 'beian' ? `${year}年${e.title}` : e.title}</Text>
                <Text className='admin-muted'>{e.description}</Text>
                {note(key)}
              </View>
              <Button type='primary' size='large' loading={busy === key} disabled={busy !== null} onClick={() => void download(key, r)}>导出</Button>
            </View>
          );
        })}
      </Panel>
      <Panel title='单次观摩的评议表和报告'>
        <Loaded state={state} onRetry={() => void reload()} loadingText='正在读取观摩…'>
          {(list) => (list.total === 0 ? (
            <Text className='admin-muted'>{year}年还没有观摩。观摩安排并提交评分后，可在这里导出评议表和观摩报告。</Text>
          ) : (
            <>
              {list.items.map((o) => (
                <View key={o.id} className='admin-line exports-item'>
                  <View className='exports-item__text'>
                    <Text className='exports-item__title'>{o.orgName}</Text>
                    <Text className='admin-muted'>{OBSERVATION_MODE_ZH[o.mode]} · {formatWhenZh(o.startsAt, year)} · {o.topic}</Text>
                    {observationExports(o, platform).map((x) => <View key={x.kind}>{note(`${x.kind}:${o.id}`)}</View>)}
                  </View>
                  <View className='exports-item__buttons'>
                    {observationExports(o, platform).map((x) => {
                      const key = `${x.kind}:${o.id}`;
                      return (
                        <Button key={key} size='large' loading={busy === key} disabled={busy !== null}
                          onClick={() => void download(key, { kind: x.kind, observationId: o.id }, o.orgName)}>{x.label}</Button>
                      );
                    })}
                  </View>
                </View>
              ))}
              <Pager page={page} total={list.total} pageSize={PAGE_SIZE} onChange={setPage} />
            </>
          ))}
        </Loaded>
      </Panel>
    </AdminPage>
  );
}
