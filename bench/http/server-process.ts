import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export type ServerProcess<Ready> = Ready & { process: ChildProcess; url: string };

/**
 * Starts one of the benchmark servers (a compiled script beside this file) in its own process, so
 * the load generator never shares its event loop, and resolves with the JSON line it prints when
 * ready (its URL, a credential, the IDs to request).
 */
export function startServerProcess<Ready>(script: string, env: NodeJS.ProcessEnv): Promise<ServerProcess<Ready>> {
  const child = spawn(process.execPath, [join(__dirname, script)], {
    env: { ...process.env, EVENTSTORE_URL: '', MONGODB_URL: '', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const line = output.split('\n').find((l) => l.startsWith('{'));
      if (line && output.includes('\n')) resolve({ process: child, ...JSON.parse(line) });
    });
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
  });
}

/** Stops the server (SIGTERM: it closes its store) and waits until it has exited. */
export async function stopServerProcess(server: { process: ChildProcess }): Promise<void> {
  const exited = new Promise((resolve) => server.process.once('exit', resolve));
  server.process.kill('SIGTERM');
  await exited;
}

/**
 * CPU seconds a process has used so far, all its threads (Linux's /proc; undefined elsewhere).
 * Under a shared machine's load, CPU per request moves far less than requests per second.
 */
export function cpuSecondsOf(pid: number): number | undefined {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    // utime and stime, in clock ticks of 1/100 s on Linux.
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return undefined;
  }
}
