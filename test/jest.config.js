/** One jest run for every suite: unit specs beside the server code, API e2e, browser tests. */
const swc = [
  require.resolve('@swc/jest'),
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  },
];

// The tools the suites run with the inherited environment (database CLI, OpenAPI CLI) start in demo mode,
// like `pnpm start`; the configuration suite starts the server with an environment of its own.
process.env.APP_MODE ??= 'demo';

const shared = { rootDir: '..', transform: { '^.+\\.ts$': swc }, testEnvironment: 'node' };

module.exports = {
  // A global option in Jest 30: each suite starts a server process, a browser suite also Chromium.
  testTimeout: 120_000,
  projects: [
    {
      ...shared,
      displayName: 'unit',
      testMatch: ['<rootDir>/server/src/**/*.spec.ts', '<rootDir>/miniapp/src/**/*.spec.ts'],
      // NestJS 12 ships ES modules only, which Jest cannot require before Node 24.9: a unit spec of code that imports
      // it (the error filter's body) has them compiled to CommonJS like our own files. Every other package stays as is.
      transform: { '^.+\\.(ts|js)$': swc },
      transformIgnorePatterns: ['/node_modules/(?!\\.pnpm/)(?!@nestjs/)(?!nestjs-zod/)'],
    },
    { ...shared, displayName: 'e2e', testMatch: ['<rootDir>/test/e2e/**/*.e2e-spec.ts'] },
    { ...shared, displayName: 'browser', testMatch: ['<rootDir>/test/browser/**/*.browser-spec.ts'] },
  ],
};
