/**
 * Where the API lives. h5 is served by the API server itself, so it calls the same origin;
 * weapp calls TARO_APP_API_BASE (set in the shell at build time, see config/index.ts).
 */
export function apiBaseUrl(): string {
  if (process.env.TARO_ENV === 'h5') return '';
  return (process.env.TARO_APP_API_BASE ?? '').replace(/\/+$/, '');
}
