/**
 * Node's HTTP parser refuses some requests before Hono ever sees them (headers over 16 KB, a
 * broken request line, a request that never finishes). Node would answer with a bare
 * `400 Bad Request` and no body; a client expects the contract's JSON (§1.1, §1.3) and, from a
 * browser, a CORS header to be able to read it. So those answers are written here.
 */
import type { Duplex } from 'node:stream';
import type { ServerType } from '@hono/node-server';

const ANSWERS: Record<string, [status: string, error: string]> = {
  HPE_HEADER_OVERFLOW: ['431 Request Header Fields Too Large', 'Request header fields too large'],
  ERR_HTTP_REQUEST_TIMEOUT: ['408 Request Timeout', 'The request took too long to arrive'],
};
const MALFORMED: [string, string] = ['400 Bad Request', 'Malformed HTTP request'];

export function answerClientErrors(server: ServerType): void {
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Duplex) => {
    // A client that hung up has nobody left to read an answer.
    if (err.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const [status, error] = ANSWERS[err.code ?? ''] ?? MALFORMED;
    const body = JSON.stringify({ ok: false, error });
    socket.end(
      `HTTP/1.1 ${status}\r\nContent-Type: application/json\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nAccess-Control-Allow-Origin: *\r\n` +
        `Connection: close\r\n\r\n${body}`,
    );
  });
}
