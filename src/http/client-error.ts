import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import { toProblem } from './problem.filter';

/** Node's parser's codes for what a client sent wrong before any request could be read. */
const statusOfCode: Record<string, { status: number; detail: string }> = {
  ERR_HTTP_REQUEST_TIMEOUT: { status: 408, detail: 'The request was not received in time.' },
  HPE_HEADER_OVERFLOW: { status: 431, detail: 'The request line and headers exceed the size the server reads (16 KiB).' },
};

/**
 * A request Node's HTTP parser refuses (headers too large, a malformed request line) never
 * reaches a route or the problem filter; Fastify would answer it with JSON of its own. This writes
 * the same problem+json every other refusal is, then closes the connection as Node does.
 */
export function answerClientError(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const { status, detail } = statusOfCode[error.code ?? ''] ?? { status: 400, detail: 'The request could not be read as HTTP.' };
  const body = JSON.stringify(toProblem({ statusCode: status, message: detail }));
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
        `Content-Type: application/problem+json\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}
