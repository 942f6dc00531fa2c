import type { PropsWithChildren } from 'react';
import { NavigationBar, PageMeta, View } from '@tarojs/components';
import { NAV_BAR } from '../../constants/theme';
import './index.scss';

/**
 * Every page's root. In WeChat, page-meta's root-font-size="system" makes `rem` follow the user's
 * WeChat font size (适老化), and styles use rem for text and tap targets; its navigation-bar repeats
 * the page's title and colours so they are never blanked (pages need `enablePageMeta: true`).
 * In h5, rem follows the browser's font size.
 */
export function PageShell({ title, children }: PropsWithChildren<{ title: string }>) {
  return (
    <>
      {process.env.TARO_ENV === 'weapp' && (
        <PageMeta rootFontSize='system'>
          <NavigationBar title={title} frontColor={NAV_BAR.frontColor} backgroundColor={NAV_BAR.backgroundColor} />
        </PageMeta>
      )}
      <View className='page-shell'>{children}</View>
    </>
  );
}
