/** Runs only the fixture suite, for set-up-failure.e2e.ts: the browser project's set-up, nothing else. */
const { join } = require('node:path');
const { swcrc, moduleNameMapper } = require('../../../../jest.preset');

module.exports = {
  rootDir: join(__dirname, '..', '..', '..', '..'),
  testMatch: ['<rootDir>/tests/browser/support/set-up-failure/fixture.ts'],
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j)sx?$': ['@swc/jest', swcrc] },
  moduleNameMapper,
  testTimeout: 180000,
};
