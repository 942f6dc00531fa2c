/** Browser journeys (scripts/e2e.sh): real Chromium against the real server and the h5 build. */
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests/e2e'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { target: 'es2022' } }] },
  transformIgnorePatterns: ['/node_modules/'],
  maxWorkers: 1,
  testTimeout: 180000,
};
