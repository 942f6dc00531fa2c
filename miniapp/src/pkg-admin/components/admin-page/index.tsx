import type { PropsWithChildren, ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import { PageShell } from '../../../components/page-shell';
import { ErrorBlock, LoadingBlock } from '../../../components/status-block';
import { Empty, Pagination } from '../ui';
import type { Load } from '../use-load';
import './index.scss';

/** Every office page: the shell, a title and hint, and a column that stays readable on a desktop screen. */
export function AdminPage({ title, hint, toolbar, children }: PropsWithChildren<{ title: string; hint?: string; toolbar?: ReactNode }>) {
  return (
    <PageShell title={title}>
      <View className='admin-page'>
        <View className='admin-page__head'>
          <Text className='page-title'>{title}</Text>
          {toolbar && <View className='admin-page__toolbar'>{toolbar}</View>}
        </View>
        {hint && <Text className='page-hint'>{hint}</Text>}
        {children}
      </View>
    </PageShell>
  );
}

/** The loading indicator, the error with 重试, or the page's content once the data is there. */
export function Loaded<T>({ state, onRetry, loadingText, children }: {
  state: Load<T>; onRetry: () => void; loadingText?: string; children: (data: T) => ReactNode;
}) {
  if (state.kind === 'loading') return <LoadingBlock text={loadingText} />;
  if (state.kind === 'error') return <ErrorBlock message={state.message} onRetry={onRetry} />;
  return (
    <>
      {state.refreshing && <View className='admin-refreshing'>正在更新…</View>}
      {children(state.data)}
    </>
  );
}

/** A white panel with a heading, for one block of a page. */
export function Panel({ title, extra, className, children }: PropsWithChildren<{ title?: string; extra?: ReactNode; className?: string }>) {
  return (
    <View className={`admin-panel ${className ?? ''}`}>
      {(title || extra) && (
        <View className='admin-panel__head'>
          {title && <Text className='admin-panel__title'>{title}</Text>}
          {extra}
        </View>
      )}
      {children}
    </View>
  );
}

/** Page numbers under a paged list (the office APIs page), only when there is more than one page. */
export function Pager({ page, total, pageSize, onChange }: { page: number; total: number; pageSize: number; onChange: (page: number) => void }) {
  if (total <= pageSize) return null;
  return (
    <View className='admin-pagination'>
      <Pagination value={page} total={total} pageSize={pageSize} mode='simple' onChange={(p: number) => onChange(p)} />
    </View>
  );
}

/** Nothing to show yet: what it will hold and what to do first (NutUI's default picture needs the network). */
export function Nothing({ title, description }: { title: string; description: string }) {
  return (
    <Empty className='admin-empty' imageSize={64} image={<View className='admin-empty__mark'>—</View>} title={title} description={description} />
  );
}
