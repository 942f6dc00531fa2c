import { useCallback, useEffect, useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import { ROUTES } from '../../constants/routes';
import { errorMessageZh, isApiError } from '../../services/api-error';
import { isLoggedIn } from '../../services/auth';

export type Load<T> = { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'ready'; data: T; refreshing: boolean };

function toLogin(): void {
  void Taro.reLaunch({ url: ROUTES.login });
}

/**
 * Loads what a page shows whenever `deps` change; a stale answer (the year changed meanwhile) is
 * dropped. Signed out or a 401: to the login page. While reloading, the old data stays on screen.
 */
export function useLoad<T>(loader: () => Promise<T>, deps: unknown[]): { state: Load<T>; reload: () => Promise<void>; set: (data: T) => void } {
  const [state, setState] = useState<Load<T>>({ kind: 'loading' });
  const seq = useRef(0);
  const reload = useCallback(async () => {
    if (!isLoggedIn()) {
      toLogin();
      return;
    }
    const mine = (seq.current += 1);
    setState((s) => (s.kind === 'ready' ? { ...s, refreshing: true } : { kind: 'loading' }));
    try {
      const data = await loader();
      if (mine === seq.current) setState({ kind: 'ready', data, refreshing: false });
    } catch (e) {
      if (mine !== seq.current) return;
      if (isApiError(e) && e.status === 401) {
        toLogin();
        return;
      }
      setState({ kind: 'error', message: errorMessageZh(e) });
    }
    // The loader is a new closure each render; `deps` are what it reads.
  }, deps);
  useEffect(() => { void reload(); }, [reload]);
  const set = useCallback((data: T) => setState({ kind: 'ready', data, refreshing: false }), []);
  return { state, reload, set };
}
