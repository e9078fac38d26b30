// The client's own behaviour, with a stand-in fetch instead of a server.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  apiBaseUrl,
  createMlmClient,
  InvocationStreamError,
  items,
  MlmError,
  WaiterTimeoutError,
  type Endpoint,
} from '../src/index.js';

type Answer = { status: number; body: unknown; contentType?: string; headers?: Record<string, string> };

/** A fetch that records each request and answers from `answer`. */
function stubFetch(answer: (request: Request) => Answer): { fetch: typeof fetch; requests: Request[] } {
  const requests: Request[] = [];
  const fetchStub = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    requests.push(request);
    const { status, body, contentType = 'application/json', headers = {} } = answer(request);
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    return new Response(text, { status, headers: { 'Content-Type': contentType, ...headers } });
  };
  return { fetch: fetchStub, requests };
}

function endpoint(status: Endpoint['status']): Endpoint {
  return {
    name: 'support-chat',
    status,
    failure_reason: null,
    variants: [],
    enhanced_metrics: false,
    tags: {},
    created_at: '2026-01-01T00:00:00Z',
    updated_at: '2026-01-01T00:00:00Z',
  };
}

test('apiBaseUrl adds /v1 once, with or without a trailing slash', () => {
  assert.deepEqual(
    ['http://h:8080', 'http://h:8080/', 'http://h:8080/v1', 'http://h:8080/v1/'].map(apiBaseUrl),
    Array(4).fill('http://h:8080/v1'),
  );
});

test('requests carry the API key and go under /v1', async () => {
  const stub = stubFetch(() => ({ status: 200, body: endpoint('in_service') }));
  const mlm = createMlmClient({ baseUrl: 'http://mlm.test', apiKey: 'k-123', fetch: stub.fetch });
  await mlm.getEndpoint('support-chat');
  assert.equal(stub.requests[0]?.url, 'http://mlm.test/v1/endpoints/support-chat');
  assert.equal(stub.requests[0]?.headers.get('X-Api-Key'), 'k-123');
});

test('ifMatch is sent as the If-Match header', async () => {
  const stub = stubFetch(() => ({ status: 202, body: endpoint('updating') }));
  const mlm = createMlmClient({ baseUrl: 'http://mlm.test', apiKey: 'k', fetch: stub.fetch });
  await mlm.updateEndpoint('support-chat', { variants: [{ name: 'primary', instance_count: 2 }] }, { ifMatch: '"e1"' });
  assert.equal(stub.requests[0]?.headers.get('If-Match'), '"e1"');
});

test('an error answer that is not a problem still becomes an MlmError with the request id header', async () => {
  const stub = stubFetch(() => ({
    status: 502,
    body: 'Bad Gateway',
    contentType: 'text/plain',
    headers: { 'X-Request-Id': 'req-1' },
  }));
  const mlm = createMlmClient({ baseUrl: 'http://mlm.test', apiKey: 'k', fetch: stub.fetch });
  await assert.rejects(
    mlm.getHealth(),
    (error) =>
      error instanceof MlmError &&
      error.status === 502 &&
      error.code === null &&
      error.detail === 'Bad Gateway' &&
      error.requestId === 'req-1',
  );
});

test('waitForEndpoint rejects with WaiterTimeoutError naming the last status', async () => {
  const stub = stubFetch(() => ({ status: 200, body: endpoint('creating') }));
  const mlm = createMlmClient({ baseUrl: 'http://mlm.test', apiKey: 'k', fetch: stub.fetch });
  await assert.rejects(
    mlm.waitForEndpoint('support-chat', { timeoutMs: 0, intervalMs: 1 }),
    (error) => error instanceof WaiterTimeoutError && error.lastStatus === 'creating' && error.expected === 'in_service',
  );
});

test('waitForEndpoint stops when its signal aborts', async () => {
  const stub = stubFetch(() => ({ status: 200, body: endpoint('creating') }));
  const mlm = createMlmClient({ baseUrl: 'http://mlm.test', apiKey: 'k', fetch: stub.fetch });
  const controller = new AbortController();
  controller.abort(new Error('stop'));
  await assert.rejects(mlm.waitForEndpoint('support-chat', { signal: controller.signal }), /stop/);
  assert.equal(stub.requests.length, 0);
});

test('items stops at the first page whose next_page_token is null', async () => {
  const asked: (string | undefined)[] = [];
  const book: Record<string, { items: number[]; next_page_token: string | null }> = {
    first: { items: [1, 2], next_page_token: 't2' },
    t2: { items: [3], next_page_token: null },
  };
  const seen: number[] = [];
  for await (const item of items(async (token: string | undefined) => {
    asked.push(token);
    return book[token ?? 'first']!;
  })) {
    seen.push(item);
  }
  assert.deepEqual([seen, asked], [[1, 2, 3], [undefined, 't2']]);
});

test('invokeEndpointStream decodes chunk and binary events and throws on an error event', async () => {
  const events =
    'event: chunk\ndata: hello\ndata: world\n\n' +
    'event: binary\ndata: AAE=\n\n' +
    'event: error\ndata: {"code": "MODEL_STREAM_ERROR", "message": "it broke"}\n\n';
  const stub = stubFetch(() => ({ status: 200, body: events, contentType: 'text/event-stream' }));
  const mlm = createMlmClient({ baseUrl: 'http://mlm.test', apiKey: 'k', fetch: stub.fetch });
  const seen: string[] = [];
  await assert.rejects(
    (async () => {
      for await (const chunk of mlm.invokeEndpointStream('support-chat', '{}')) seen.push(Array.from(chunk.data).join(','));
    })(),
    (error: unknown) => error instanceof InvocationStreamError && error.code === 'MODEL_STREAM_ERROR',
  );
  assert.deepEqual(seen, [Array.from(new TextEncoder().encode('hello\nworld')).join(','), '0,1']);
  assert.equal(stub.requests[0]?.headers.get('Accept'), 'text/event-stream');
});

test('waitForEndpoint calls onProgress with every read', async () => {
  const answers: Endpoint['status'][] = ['creating', 'creating', 'in_service'];
  const stub = stubFetch(() => ({ status: 200, body: endpoint(answers.shift() ?? 'in_service') }));
  const mlm = createMlmClient({ baseUrl: 'http://mlm.test', apiKey: 'k', fetch: stub.fetch });
  const seen: string[] = [];
  await mlm.waitForEndpoint('support-chat', { intervalMs: 1, onProgress: (read) => seen.push(read.status) });
  assert.deepEqual(seen, ['creating', 'creating', 'in_service']);
});
