import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The compiled CLI, as an operator runs it. */
export const cli = join(__dirname, '..', '..', 'src', 'cli', 'main.js');

/**
 * A figure of /proc/PID/status in MB: VmRSS (resident now) or VmHWM (the peak so far, which a
 * sampler can miss between two samples); 0 once the process has gone.
 */
export function rssMbOf(pid: number, field: 'VmRSS' | 'VmHWM' = 'VmRSS'): number {
  try {
    return Number(new RegExp(`${field}:\\s+(\\d+)`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;
  } catch {
    return 0;
  }
}

/** A credential for `role`, added with `sijil agencies add` to the data folder the server will open. */
export function addAgency(dataDir: string, name: string, role: string): string {
  const added = execFileSync(process.execPath, [cli, 'agencies', 'add', '--name', name, '--role', role, '--data', dataDir]).toString();
  return /sijil_\S+/.exec(added)![0];
}

/**
 * `sijil serve --data DIR` on a free port: the process at once (to sample it from its start) and
 * its URL once it says it is listening.
 */
export function serveData(dataDir: string): { process: ChildProcess; listening: Promise<string> } {
  const server = spawn(process.execPath, [cli, 'serve', '--data', dataDir, '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const listening = new Promise<string>((resolve, reject) => {
    let output = '';
    server.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const url = /listening on (http:\/\/\S+)/.exec(output);
      if (url) resolve(url[1]!);
    });
    server.once('exit', (code) => reject(new Error(`sijil serve exited with ${code}`)));
  });
  return { process: server, listening };
}

/** Waits until /health says every projection is live at the log's head. */
export async function untilLive(url: string): Promise<void> {
  for (;;) {
    const health = (await (await fetch(`${url}/health`)).json()) as { projections: Array<{ checkpoint: number; head: number; status: string }> };
    if (health.projections.every((p) => p.status === 'live' && p.checkpoint >= p.head)) return;
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
}
