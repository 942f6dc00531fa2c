// Stand-in for @tarojs/taro under jest (mapped in jest.config.js): the platform calls the services
// layer makes, with an in-memory storage. Tests replace calls with jest.spyOn(Taro, ...).
const storage = new Map<string, unknown>();

function notMocked(name: string): never {
  throw new Error(`Taro.${name} is not mocked in this test`);
}

const Taro = {
  request: (_options: unknown): Promise<unknown> => notMocked('request'),
  login: (): Promise<{ code: string; errMsg: string }> => notMocked('login'),
  scanCode: (): Promise<unknown> => notMocked('scanCode'),
  getStorageSync: (key: string): unknown => (storage.has(key) ? storage.get(key) : ''),
  setStorageSync: (key: string, value: unknown): void => { storage.set(key, value); },
  removeStorageSync: (key: string): void => { storage.delete(key); },
  clearStorageSync: (): void => { storage.clear(); },
  onNetworkStatusChange: (_cb: (res: { isConnected: boolean }) => void): void => undefined,
  offNetworkStatusChange: (_cb: (res: { isConnected: boolean }) => void): void => undefined,
};

export default Taro;
