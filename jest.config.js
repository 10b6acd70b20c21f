/**
 * One jest run for the whole workspace (`npm test` wraps it with a database): unit tests of the
 * libs, the API's unit and integration tests, the console's component tests, and the browser
 * journeys. `--selectProjects <name>` runs one of them.
 */
const { swcrc, moduleNameMapper } = require('./jest.preset');

const node = (displayName, testMatch, extra = {}) => ({
  displayName,
  rootDir: __dirname,
  testMatch,
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j)sx?$': ['@swc/jest', swcrc] },
  moduleNameMapper,
  // ESM-only dependencies that Node 20 loads through require(esm) but jest cannot: compile them.
  transformIgnorePatterns: [
    '/node_modules/(?!(content-disposition|htmlparser2|domhandler|domutils|dom-serializer|domelementtype|entities)/)',
  ],
  ...extra,
});

const webSwc = {
  ...swcrc,
  jsc: {
    ...swcrc.jsc,
    parser: { syntax: 'typescript', tsx: true },
    transform: { react: { runtime: 'automatic' } },
  },
  module: { type: 'commonjs' },
};

module.exports = {
  // Integration tests boot the real app on a real database, on a shared 2-core machine.
  testTimeout: 180000,
  reporters: ['default', '<rootDir>/tools/jest-summary-reporter.js'],
  projects: [
    node('libs', ['<rootDir>/libs/**/*.spec.ts']),
    node('api', ['<rootDir>/apps/api/**/*.spec.ts', '<rootDir>/apps/api/test/**/*.e2e-spec.ts']),
    {
      displayName: 'web',
      rootDir: __dirname,
      testMatch: ['<rootDir>/apps/web/**/*.spec.ts', '<rootDir>/apps/web/**/*.spec.tsx'],
      testEnvironment: '<rootDir>/apps/web/test/jsdom-environment.js',
      setupFiles: ['<rootDir>/apps/web/jest.setup.ts'],
      transform: { '^.+\\.(t|j)sx?$': ['@swc/jest', webSwc] },
      moduleNameMapper: {
        ...moduleNameMapper,
        '\\.(css|less|png|svg)$': '<rootDir>/apps/web/test/file-stub.js',
        // @ant-design/icons' CommonJS build requires the ESM build of @ant-design/colors by path.
        '^@ant-design/colors/es/(.*)$': '@ant-design/colors/lib/$1',
      },
    },
    // The pinned Chromium is unpacked once, before the workers start.
    node('browser', ['<rootDir>/tests/browser/**/*.e2e.ts'], {
      globalSetup: '<rootDir>/tests/browser/support/global-setup.ts',
    }),
  ],
};
