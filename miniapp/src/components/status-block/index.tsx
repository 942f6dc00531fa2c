import { Text, View } from '@tarojs/components';
import { Button, Loading } from '../ui';
import './index.scss';

/** Shown during every network wait. */
export function LoadingBlock({ text = '正在加载…' }: { text?: string }) {
  return (
    <View className='status-block'>
      <Loading type='circular' direction='vertical'>{text}</Loading>
    </View>
  );
}

/** A failure the user can act on: the server's Chinese message and a way to try again. */
export function ErrorBlock({ message, onRetry, retryText = '重试' }: { message: string; onRetry?: () => void; retryText?: string }) {
  return (
    <View className='status-block status-block--error'>
      <Text className='status-block__message'>{message}</Text>
      {onRetry && (
        <Button type='primary' fill='outline' size='large' onClick={onRetry}>{retryText}</Button>
      )}
    </View>
  );
}
