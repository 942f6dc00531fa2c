import Taro from '@tarojs/taro';

/** Which build is running: WeChat (the product) or the browser (h5). */
export const isWeapp = process.env.TARO_ENV === 'weapp';

/** Local storage, one door for every service that keeps something on the phone. */
export const storage = {
  get<T>(key: string, guard: (v: unknown) => v is T): T | null {
    try {
      const v: unknown = Taro.getStorageSync(key);
      return guard(v) ? v : null;
    } catch {
      return null;
    }
  },
  set(key: string, value: unknown): boolean {
    try {
      Taro.setStorageSync(key, value);
      return true;
    } catch {
      return false;
    }
  },
  remove(key: string): void {
    try {
      Taro.removeStorageSync(key);
    } catch {
      // nothing to remove
    }
  },
};

/** Calls back when the phone gets its network back; returns the way to stop listening. */
export function onNetworkBack(cb: () => void): () => void {
  // Taro's h5 onNetworkStatusChange listens to navigator.connection only; browsers say 'online'.
  // Typed by hand: the root typecheck (which sees this file through tests) has no DOM lib.
  const win = (globalThis as { window?: { addEventListener(t: string, f: () => void): void; removeEventListener(t: string, f: () => void): void } }).window;
  if (process.env.TARO_ENV === 'h5' && win) {
    win.addEventListener('online', cb);
    return () => win.removeEventListener('online', cb);
  }
  const listener = (res: { isConnected: boolean }) => { if (res.isConnected) cb(); };
  try {
    Taro.onNetworkStatusChange(listener);
  } catch {
    return () => undefined;
  }
  return () => {
    try {
      Taro.offNetworkStatusChange(listener);
    } catch {
      // older base libraries cannot unsubscribe; the listener only flushes a queue, which is harmless
    }
  };
}

/** WeChat's answer per template id: 'accept', 'reject', 'ban' or 'filter'. */
export type SubscribeAnswers = Record<string, string>;

/**
 * D9: WeChat's one-time subscribe permission (weapp only). WeChat shows its dialog only when this runs
 * inside the user's tap, so callers must reach it before any other await.
 */
export async function requestSubscribe(tmplIds: string[]): Promise<SubscribeAnswers> {
  // Taro's typing wants entityIds too (AtLeastOne over a base that requires both); WeChat needs only tmplIds.
  const option = { tmplIds } as unknown as Parameters<typeof Taro.requestSubscribeMessage>[0];
  const res = (await Taro.requestSubscribeMessage(option)) as unknown as Record<string, unknown>;
  return Object.fromEntries(tmplIds.map((id) => [id, typeof res[id] === 'string' ? (res[id] as string) : 'reject']));
}
