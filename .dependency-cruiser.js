// Keeps the domain pure: nothing in src/domain may import from outside it (no NestJS, no store,
// no node built-ins that do I/O).
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      severity: 'error',
      comment: 'src/domain holds the deciders and value objects: no I/O, no framework. Its specs may use test libraries.',
      from: { path: '^src/domain', pathNot: '[.]spec[.]ts$|^src/domain/testing/' },
      to: { pathNot: '^src/domain|^node_modules/date-fns' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
  },
};
