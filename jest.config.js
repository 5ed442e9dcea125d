// Three tiers, each runnable alone: unit (pure domain, milliseconds), int (adapters,
// projections), e2e (HTTP against a temporary embedded store).
const tier = (name, pattern, extra = {}) => ({
  displayName: name,
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['ts-jest', { isolatedModules: true }] },
  testMatch: [`<rootDir>/src/**/*.${pattern}.spec.ts`, `<rootDir>/test/**/*.${pattern}.spec.ts`],
  moduleFileExtensions: ['ts', 'js', 'json'],
  ...extra,
});

module.exports = {
  projects: [
    tier('unit', 'unit'),
    tier('int', 'int'),
    tier('e2e', 'e2e'),
  ],
};
