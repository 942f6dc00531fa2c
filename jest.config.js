/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts'],
  // Browser journeys need a built h5 app and Chromium: they run from .ci/run (npm run test:e2e).
  testPathIgnorePatterns: ['/node_modules/', '/tests/e2e/'],
  transform: { '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { target: 'es2022' } }] },
  transformIgnorePatterns: ['/node_modules/'],
  moduleNameMapper: {
    '^@tingkan/shared$': '<rootDir>/shared/src/index.ts',
    // Mini-program services run under jest against a stand-in for the platform (tests/miniapp).
    '^@tarojs/taro$': '<rootDir>/tests/miniapp/taro-mock.ts',
  },
  globalSetup: '<rootDir>/tests/helpers/global-setup.ts',
  globalTeardown: '<rootDir>/tests/helpers/global-teardown.ts',
  maxWorkers: 2,
  testTimeout: 60000,
};
