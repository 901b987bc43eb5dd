/**
 * The emulator under abuse, over raw sockets to a served emulator: whatever arrives, it stays
 * up, answers in the contract's JSON with a CORS header (so a browser can read the error), and
 * the next ordinary request still works. The server's timeouts are shortened for the slow
 * clients, so the whole suite takes a few seconds.
 */
import assert from 'node:assert/strict';
import { connect, type Socket } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { type RunningEmulator, startEmulator } from '../../emulator/index.js';

let served: RunningEmulator;
let port: number;

before(async () => {
  served = await startEmulator({
    port: 0,
    quiet: true,
    timeouts: { headersMs: 600, requestMs: 1200, keepAliveMs: 500 },
  });
  port = Number(new URL(served.url).port);
});
after(() => served.close());

const LOGIN_BODY = 'grant_type=password&username=demo%40example.com&password=demo-password';
const LOGIN =
  `POST /oauth/token HTTP/1.1\r\nHost: emulator\r\nAuthorization: Basic ${btoa('particle:particle')}\r\n` +
  `Content-Type: application/x-www-form-urlencoded\r\nContent-Length: ${LOGIN_BODY.length}\r\n\r\n${LOGIN_BODY}`;

function open(): Socket {
  const socket = connect(port, '127.0.0.1');
  socket.on('error', () => {}); // a reset after the answer is not what these tests look at
  return socket;
}

/** Writes `request` (then half-closes) and resolves with every byte answered until close. */
async function raw(request: string | Buffer): Promise<string> {
  const socket = open();
  socket.end(request);
  let answer = '';
  for await (const chunk of socket) answer += chunk;
  return answer;
}

interface Answer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Splits a stream of HTTP/1.1 answers (Content-Length or chunked bodies) into answers. */
function answers(stream: string): Answer[] {
  const out: Answer[] = [];
  let rest = stream;
  while (rest.startsWith('HTTP/1.1 ')) {
    const end = rest.indexOf('\r\n\r\n');
    const [statusLine, ...lines] = rest.slice(0, end).split('\r\n');
    const headers: Record<string, string> = {};
    for (const line of lines) {
      const colon = line.indexOf(':');
      headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
    }
    rest = rest.slice(end + 4);
    let body = '';
    if (headers['transfer-encoding'] === 'chunked') {
      for (;;) {
        const lineEnd = rest.indexOf('\r\n');
        const size = Number.parseInt(rest.slice(0, lineEnd), 16);
        body += rest.slice(lineEnd + 2, lineEnd + 2 + size);
        rest = rest.slice(lineEnd + 2 + size + 2);
        if (size === 0) break;
      }
    } else {
      const length = Number(headers['content-length'] ?? 0);
      body = rest.slice(0, length);
      rest = rest.slice(length);
    }
    out.push({ status: Number(statusLine!.split(' ')[1]), headers, body });
  }
  assert.equal(rest, '', `bytes after the last answer: ${rest.slice(0, 200)}`);
  return out;
}

/** Whether `stream` holds at least one whole answer with a Content-Length body. */
function answerComplete(stream: string): boolean {
  const end = stream.indexOf('\r\n\r\n');
  if (end < 0) return false;
  const length = /\r\ncontent-length: *(\d+)/i.exec(stream.slice(0, end))?.[1];
  if (length === undefined) return stream.endsWith('0\r\n\r\n'); // a chunked body's end
  return stream.length >= end + 4 + Number(length);
}

/** The one answer to `request`, checked to be JSON with CORS; resolves with its parsed body. */
async function jsonError(
  request: string | Buffer,
  status: number,
): Promise<Record<string, unknown>> {
  const [answer, ...more] = answers(await raw(request));
  assert.ok(answer, 'an answer came back');
  assert.equal(more.length, 0);
  assert.equal(answer.status, status, answer.body);
  assert.equal(answer.headers['access-control-allow-origin'], '*', 'CORS header');
  assert.match(answer.headers['content-type'] ?? '', /^application\/json/);
  return JSON.parse(answer.body);
}

/** A request made afterwards still works: a login gets its token. */
async function stillServes(): Promise<void> {
  const [answer] = answers(await raw(LOGIN));
  assert.equal(answer?.status, 200, 'the emulator still answers a login');
  assert.match(JSON.parse(answer!.body).access_token, /^[0-9a-f]{40}$/);
}

const get = (target: string, headers = 'Host: emulator\r\n') =>
  `GET ${target} HTTP/1.1\r\n${headers}\r\n`;

describe('the emulator under abuse', () => {
  it('answers a request without Host as any other (JSON, CORS), not with a bare 400', async () => {
    const body = await jsonError(get('/v1/user', ''), 400);
    assert.equal(body.error, 'invalid_request', 'the missing token, not the missing Host');
    await stillServes();
  });

  it('answers OPTIONS * with 204, Allow and CORS headers', async () => {
    const [answer] = answers(await raw('OPTIONS * HTTP/1.1\r\nHost: emulator\r\n\r\n'));
    assert.equal(answer?.status, 204);
    assert.equal(answer?.headers['access-control-allow-origin'], '*');
    assert.match(answer?.headers.allow ?? '', /POST/);
    await stillServes();
  });

  it('answers a target that is neither a path nor a URL with a JSON 400', async () => {
    const body = await jsonError(get('*'), 400);
    assert.match(String(body.error), /Invalid request target/);
    await stillServes();
  });

  it('answers CONNECT with a JSON 405 instead of closing silently', async () => {
    const body = await jsonError(
      'CONNECT example.com:443 HTTP/1.1\r\nHost: example.com\r\n\r\n',
      405,
    );
    assert.match(String(body.error), /CONNECT/);
    await stillServes();
  });

  it('answers unknown methods: 501 for what HTTP cannot parse, 404 for a parsable one', async () => {
    assert.match(
      String((await jsonError(get('/v1/user').replace('GET', 'BREW'), 501)).error),
      /method/,
    );
    const propfind = await jsonError(get('/v1/user').replace('GET', 'PROPFIND'), 404);
    assert.equal(propfind.error, 'Unknown route: PROPFIND /v1/user');
    await stillServes();
  });

  it('answers bad percent-encoding in the path and the query in JSON', async () => {
    for (const target of ['/v1/products/%E0%A4%A/team', '/v1/orgs/%/team', '/v1/user?x=%zz']) {
      const body = await jsonError(get(target), 400);
      assert.ok(body.error, target);
    }
    await stillServes();
  });

  it('answers invalid JSON and wrong content types with the contract’s 400', async () => {
    const token = JSON.parse(answers(await raw(LOGIN))[0]!.body).access_token as string;
    const post = (type: string, body: string) =>
      `POST /v1/products/10001/team HTTP/1.1\r\nHost: emulator\r\nAuthorization: Bearer ${token}\r\n` +
      `Content-Type: ${type}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
    const cases: [type: string, body: string, error: RegExp][] = [
      ['application/json', '{"friendly_name": ', /Malformed JSON/],
      ['application/json', '\u0000\u0001', /Malformed JSON/],
      ['application/json', '"just a string"', /JSON object/],
      ['text/plain', 'friendly_name=x', /Content-Type/],
      ['application/xml', '<user/>', /Content-Type/],
      ['multipart/form-data; boundary=x', '--x--', /Content-Type/],
    ];
    for (const [type, body, error] of cases) {
      assert.match(
        String((await jsonError(post(type, body), 400)).error),
        error,
        `${type} ${body}`,
      );
    }
    const form = await jsonError(
      `POST /oauth/token HTTP/1.1\r\nHost: emulator\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}`,
      400,
    );
    assert.ok(form.error, 'the token route says what is wrong');
    await stillServes();
  });

  it('refuses a 10 MB body with a JSON 413 without reading it all', async () => {
    const size = 10 * 1024 * 1024;
    const socket = open();
    socket.write(
      `POST /v1/products/10001/team HTTP/1.1\r\nHost: emulator\r\nContent-Type: application/json\r\n` +
        `Content-Length: ${size}\r\n\r\n`,
    );
    let answer = '';
    socket.on('data', (chunk) => {
      answer += chunk;
    });
    // Like a browser, stop sending once the server has answered (it will not read the rest).
    const chunk = Buffer.alloc(64 * 1024, 'x');
    for (let sent = 0; sent < size && !answer; sent += chunk.length) {
      if (!socket.write(chunk)) await new Promise((resolve) => setTimeout(resolve, 5));
    }
    // Wait for the whole answer (or the close), then drop the connection: once the server stops
    // reading, what is still buffered on this side never drains, so an end() would never close.
    await new Promise<void>((resolve) => {
      const check = () => {
        if (answerComplete(answer)) resolve();
      };
      socket.on('data', check);
      socket.once('close', () => resolve());
      // Bounded: the assertions below say what was missing rather than the suite hanging.
      setTimeout(resolve, 10_000).unref();
      check();
    });
    socket.destroy();
    const [refused] = answers(answer);
    assert.equal(refused?.status, 413);
    assert.equal(refused?.headers['access-control-allow-origin'], '*');
    assert.match(JSON.parse(refused!.body).error, /too large/);
    await stillServes();
  });

  it('refuses a 100 KB header with a JSON 431', async () => {
    const body = await jsonError(
      get('/v1/user', `Host: emulator\r\nX-Big: ${'a'.repeat(100_000)}\r\n`),
      431,
    );
    assert.match(String(body.error), /too large/);
    await stillServes();
  });

  it('answers pipelined requests in order, and a valid one before a malformed one too', async () => {
    const stream = answers(await raw(`${get('/v1/nothing')}${LOGIN}${get('/v1/user')}`));
    assert.deepEqual(
      stream.map((a) => a.status),
      [404, 200, 400],
    );
    const [executed, refused] = answers(await raw(`${LOGIN}NOT HTTP AT ALL\r\n\r\n`));
    assert.equal(executed?.status, 200, 'the login ran, and its answer is not dropped');
    assert.match(JSON.parse(executed!.body).access_token, /^[0-9a-f]{40}$/);
    assert.equal(refused?.headers['access-control-allow-origin'], '*');
    assert.ok(JSON.parse(refused!.body).error);
    await stillServes();
  });

  it('answers 50 slow clients with a JSON 408 each, serving others meanwhile', async () => {
    const slow = Array.from({ length: 50 }, async () => {
      const socket = open();
      socket.write('POST /oauth/token HTTP/1.1\r\nHost: emulator\r\n'); // headers that never end
      const drip = setInterval(() => socket.write('X-Drip: 1\r\n'), 100);
      let answer = '';
      try {
        for await (const chunk of socket) answer += chunk;
      } finally {
        clearInterval(drip);
      }
      return answer;
    });
    await stillServes(); // while they all hang
    for (const answer of await Promise.all(slow)) {
      const [timedOut] = answers(answer);
      assert.equal(timedOut?.status, 408, answer);
      assert.equal(timedOut?.headers['access-control-allow-origin'], '*');
    }
    await stillServes();
  });
});
