/** Shared by every jest project: SWC with decorator metadata, and the workspace's path aliases. */
const { readFileSync } = require('node:fs');
const { join } = require('node:path');

const swcrc = JSON.parse(readFileSync(join(__dirname, '.swcrc'), 'utf8'));
delete swcrc.exclude;
delete swcrc.$schema;
swcrc.jsc.baseUrl = __dirname;
swcrc.swcrc = false;

const moduleNameMapper = {
  '^@lianqiao/contracts$': '<rootDir>/libs/shared/contracts/src/index.ts',
  '^@lianqiao/domain$': '<rootDir>/libs/shared/domain/src/index.ts',
  '^@lianqiao/card$': '<rootDir>/libs/card/src/index.ts',
  '^@lianqiao/api-testing$': '<rootDir>/libs/api/testing/src/index.ts',
};

module.exports = { swcrc, moduleNameMapper };
