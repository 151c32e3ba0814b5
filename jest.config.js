/** One config, three layers; the test command runs them all. */
const tsJest = ['ts-jest', { tsconfig: 'tsconfig.json' }];
const common = { transform: { '^.+\\.ts$': tsJest }, testEnvironment: 'node', moduleFileExtensions: ['ts', 'js', 'json'] };
module.exports = {
  // Integration, e2e and browser tests start databases and the app; the default 5 s is too short for that, not a timing assertion.
  testTimeout: 120000,
  projects: [
    { ...common, displayName: 'unit', roots: ['<rootDir>/src'], testMatch: ['**/*.spec.ts'] },
    { ...common, displayName: 'integration', roots: ['<rootDir>/test/integration'], testMatch: ['**/*.spec.ts'], globalSetup: '<rootDir>/test/support/global-setup.ts', globalTeardown: '<rootDir>/test/support/global-teardown.ts' },
    { ...common, displayName: 'contract', roots: ['<rootDir>/test/contract'], testMatch: ['**/*.spec.ts'], globalSetup: '<rootDir>/test/support/global-setup.ts', globalTeardown: '<rootDir>/test/support/global-teardown.ts' },
    { ...common, displayName: 'e2e', roots: ['<rootDir>/test/e2e'], testMatch: ['**/*.spec.ts'], globalSetup: '<rootDir>/test/support/global-setup.ts', globalTeardown: '<rootDir>/test/support/global-teardown.ts' },
    { ...common, displayName: 'browser', roots: ['<rootDir>/test/browser'], testMatch: ['**/*.spec.ts'], globalSetup: '<rootDir>/test/support/global-setup.ts', globalTeardown: '<rootDir>/test/support/global-teardown.ts' },
  ],
};
