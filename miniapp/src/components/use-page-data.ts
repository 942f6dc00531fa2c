import { useCallback, useEffect, useRef, useState } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import { ROUTES } from '../constants/routes';
import { isLoggedIn } from '../services/auth';
import { errorMessageZh, isApiError } from '../services/api-error';

/**
 * A page's data from the API: loaded when the page opens and, with refreshOnShow, again each time the
 * person comes back to it (after a form). No login, or an expired one, goes to the login page; any
 * other failure becomes the Chinese sentence to show next to a retry button.
 */
export function usePageData<T>(load: () => Promise<T>, opts: { refreshOnShow: boolean; errorText?: (e: unknown) => string }) {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  // The latest loader and options (they close over the page's params), without reloading on every render.
  const latest = useRef({ load, opts });
  latest.current = { load, opts };
  const shows = useRef(0);

  const reload = useCallback(async () => {
    if (!isLoggedIn()) {
      void Taro.reLaunch({ url: ROUTES.login });
      return;
    }
    setError(null);
    try {
      setData(await latest.current.load());
    } catch (e) {
      if (isApiError(e) && e.status === 401) {
        void Taro.reLaunch({ url: ROUTES.login });
        return;
      }
      setError((latest.current.opts.errorText ?? errorMessageZh)(e));
    }
  }, []);

  useEffect(() => { void reload(); }, [reload]);
  // The first show is the opening, already loaded above.
  useDidShow(() => {
    shows.current += 1;
    if (shows.current > 1 && latest.current.opts.refreshOnShow) void reload();
  });
  return { data, setData, error, reload };
}
