const domain = require('./libs/domain/package.json');

// libs/domain is reached only through the entry points its package.json declares: a deep import
// (`@ioc/domain/metrics/windows`) finds no module.
const domainEntryPoints = Object.fromEntries(
  Object.entries(domain.exports).map(([subpath, file]) => [
    `^${domain.name}${subpath.slice(1)}$`,
    `<rootDir>/libs/domain/${file.replace(/^\.\//, '')}`,
  ]),
);

/** @type {import('jest').Config} */
const shared = {
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }],
    // ES-module-only packages, made CommonJS for Jest (see the transformer).
    '/@nestjs/terminus/.+\\.js$': '<rootDir>/tests/support/esm-to-cjs.js',
  },
  transformIgnorePatterns: ['/node_modules/(?!@nestjs/terminus/)'],
  moduleNameMapper: {
    ...domainEntryPoints,
    '^@ioc/logging$': '<rootDir>/libs/logging/src/index.ts',
  },
  testEnvironment: 'node',
};

module.exports = {
  // Integration and e2e tests start real applications on a real database, on machines that may
  // be busy (a project-level value is not read).
  testTimeout: 60_000,
  projects: [
    {
      ...shared,
      displayName: 'unit',
      // The test helpers that judge what a screen shows are tested too.
      testMatch: ['<rootDir>/{apps,libs}/**/*.spec.ts', '<rootDir>/tests/support/**/*.spec.ts'],
    },
    {
      ...shared,
      displayName: 'integration',
      testMatch: ['<rootDir>/tests/integration/**/*.spec.ts'],
      globalSetup: '<rootDir>/tests/support/global-setup.ts',
      globalTeardown: '<rootDir>/tests/support/global-teardown.ts',
    },
    {
      ...shared,
      displayName: 'e2e',
      testMatch: ['<rootDir>/tests/e2e/**/*.spec.ts'],
      globalSetup: '<rootDir>/tests/support/global-setup.ts',
      globalTeardown: '<rootDir>/tests/support/global-teardown.ts',
    },
  ],
};
