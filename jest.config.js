// Three tiers, each runnable alone: unit (pure domain, milliseconds), int (adapters,
// projections), e2e (HTTP against a temporary embedded store).

// Node 20 loads ESM-only dependencies through require(esm); jest's module system does not, so
// those few packages are transpiled to CommonJS for the tests.
const esmOnlyDependencies = ['content-disposition'];

const tier = (name, pattern) => ({
  displayName: name,
  testEnvironment: 'node',
  transform: {
    '^.+\\.ts$': ['ts-jest', { isolatedModules: true }],
    [`/node_modules/(${esmOnlyDependencies.join('|')})/.+\\.js$`]: [
      'ts-jest',
      { isolatedModules: true, tsconfig: { allowJs: true, module: 'commonjs' } },
    ],
  },
  transformIgnorePatterns: [`/node_modules/(?!(${esmOnlyDependencies.join('|')})/)`],
  testMatch: [`<rootDir>/src/**/*.${pattern}.spec.ts`, `<rootDir>/test/**/*.${pattern}.spec.ts`],
  moduleFileExtensions: ['ts', 'js', 'json'],
});

module.exports = {
  projects: [tier('unit', 'unit'), tier('int', 'int'), tier('e2e', 'e2e')],
};
