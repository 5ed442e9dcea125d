import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { EventDatabaseOptions } from './event-database';

/**
 * Under ts-jest this module is TypeScript, and a thread does not get jest's transform: the thread
 * then compiles each source file as it loads it (typescript is a development dependency), keeping
 * the output by content hash in the temporary directory so that each test's store starts quickly.
 */
const compilingLoader = (script: string) => `
  const { mkdirSync, readFileSync, renameSync, writeFileSync } = require('node:fs');
  const { createHash } = require('node:crypto');
  const { tmpdir } = require('node:os');
  const { join } = require('node:path');
  const cacheDir = join(tmpdir(), 'sijil-writer-thread-cache');
  let ts;
  require.extensions['.ts'] = (module, file) => {
    const source = readFileSync(file, 'utf8');
    const cached = join(cacheDir, createHash('sha256').update(file + source).digest('hex') + '.js');
    let output;
    try {
      output = readFileSync(cached, 'utf8');
    } catch {
      ts ??= require('typescript');
      const compilerOptions = { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true };
      output = ts.transpileModule(source, { compilerOptions, fileName: file }).outputText;
      mkdirSync(cacheDir, { recursive: true });
      const partial = cached + '.' + process.pid + '.' + require('node:worker_threads').threadId;
      writeFileSync(partial, output);
      renameSync(partial, cached);
    }
    module._compile(output, file);
  };
  require(${JSON.stringify(script)});
`;

/** Starts the writer thread of the log file at `path`. */
export function startWriterThread(path: string, options: EventDatabaseOptions): Worker {
  return startThread(join(__dirname, 'writer-thread'), { path, options });
}

/** Starts a thread running `script` (a module path without its extension), compiled or TypeScript. */
export function startThread(script: string, workerData: unknown): Worker {
  return __filename.endsWith('.ts')
    ? new Worker(compilingLoader(`${script}.ts`), { eval: true, workerData })
    : new Worker(`${script}.js`, { workerData });
}
