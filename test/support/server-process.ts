import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

/** The compiled CLI, as an operator runs it (`npm run build` comes first in the e2e tier). */
export const cli = join(__dirname, '..', '..', 'dist', 'src', 'cli', 'main.js');

export function addAgency(dataDir: string, role: string, extra: string[] = []): string {
  const result = spawnSync(process.execPath, [cli, 'agencies', 'add', '--name', `${role} agency`, '--role', role, '--data', dataDir, '--json', ...extra], {
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`agencies add failed: ${result.stderr}`);
  return (JSON.parse(result.stdout) as { credential: string }).credential;
}

export interface RunningServer {
  process: ChildProcess;
  url: string;
  /** Everything the server has printed so far, from its start. */
  output(): string;
}

/** Starts `sijil serve` on a free port (with `args` such as `--demo`) and resolves once it listens. */
export function startServer(dataDir: string, env: NodeJS.ProcessEnv = {}, args: string[] = []): Promise<RunningServer> {
  const child = spawn(process.execPath, [cli, 'serve', '--port', '0', '--data', dataDir, ...args], {
    env: { ...process.env, HOST: '127.0.0.1', EVENTSTORE_URL: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    let listening = false;
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/localhost:\d+)/.exec(output);
      if (match && !listening) {
        listening = true;
        resolve({ process: child, url: match[1].replace('localhost', '127.0.0.1'), output: () => output });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => listening || reject(new Error(`server exited with ${code}: ${output}`)));
  });
}

export function stopped(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve())));
}
