/**
 * Requests that never reach Hono, or that Hono's adapter would answer badly, are answered here
 * in the contract's JSON (§1.1, §1.3) with a CORS header, so that a browser can read them:
 *
 * - Node's HTTP parser refuses some requests outright (headers over 16 KB, a broken request
 *   line, an unknown method, a request that never finishes): Node would answer a bare
 *   `400 Bad Request` without a body, or, behind a valid request pipelined on the same socket,
 *   cut that request's answer off.
 * - `CONNECT` (a proxy tunnel) has no handler: Node would close the socket without a word.
 * - A request target that is not a path (`OPTIONS *`, `GET example.com`): the adapter cannot
 *   build a URL from it and answers a text/plain 400.
 */
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import type { ServerType } from '@hono/node-server';

const ANSWERS: Record<string, [status: string, error: string]> = {
  HPE_HEADER_OVERFLOW: ['431 Request Header Fields Too Large', 'Request header fields too large'],
  ERR_HTTP_REQUEST_TIMEOUT: ['408 Request Timeout', 'The request took too long to arrive'],
  HPE_INVALID_METHOD: ['501 Not Implemented', 'Unknown HTTP method'],
};
const MALFORMED: [string, string] = ['400 Bad Request', 'Malformed HTTP request'];

const CORS = 'Access-Control-Allow-Origin: *\r\nAccess-Control-Expose-Headers: Retry-After\r\n';

/** A whole HTTP/1.1 answer with the app layer's error body, closing the connection. */
export function rawAnswer(status: string, error: string): string {
  const body = JSON.stringify({ ok: false, error });
  return (
    `HTTP/1.1 ${status}\r\nContent-Type: application/json\r\n` +
    `Content-Length: ${Buffer.byteLength(body)}\r\n${CORS}Connection: close\r\n\r\n${body}`
  );
}

/** The response Node is still writing on this socket, if any (a pipelined request before). */
function inFlight(socket: Duplex): ServerResponse | undefined {
  const message = (socket as Duplex & { _httpMessage?: ServerResponse | null })._httpMessage;
  return message && !message.writableFinished ? message : undefined;
}

export function answerClientErrors(server: ServerType): void {
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Duplex) => {
    // A client that hung up has nobody left to read an answer.
    if (err.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const [status, error] = ANSWERS[err.code ?? ''] ?? MALFORMED;
    const answer = () => {
      if (socket.writable) socket.end(rawAnswer(status, error));
      else socket.destroy();
    };
    // The earlier request's answer goes out first: it was executed, its client must learn so.
    const pending = inFlight(socket);
    if (pending) {
      pending.once('finish', answer);
      pending.once('close', answer);
    } else answer();
  });
  server.on('connect', (_req: IncomingMessage, socket: Duplex) => {
    socket.on('error', () => socket.destroy());
    socket.end(
      rawAnswer('405 Method Not Allowed', 'CONNECT is not supported: this is not a proxy'),
    );
  });
}

/**
 * Wraps the adapter's listener: a target that is not a path is answered here. `OPTIONS *` asks
 * what the server supports (RFC 9110 §9.3.7): 204 with `Allow` and the CORS headers.
 */
export function answerOddTargets(listener: RequestListener): RequestListener {
  return (req, res) => {
    const target = req.url ?? '';
    if (target.startsWith('/') || /^https?:\/\//i.test(target)) return listener(req, res);
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader('Access-Control-Expose-Headers', 'Retry-After');
    if (target === '*' && req.method === 'OPTIONS') {
      res.writeHead(204, { Allow: 'GET, POST, PUT, PATCH, DELETE, OPTIONS' }).end();
      return;
    }
    const body = JSON.stringify({ ok: false, error: `Invalid request target: ${target}` });
    res.writeHead(400, { 'Content-Type': 'application/json' }).end(body);
  };
}
