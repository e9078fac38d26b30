// The typed methods beyond the lifecycle, against a live server (started with the test
// hub, MLM_HF_ENDPOINT): packaging with its waiter, instances, metrics, invocation.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { InvocationChunk, MlmError, PackagingJobFailedError, type PackagingJob } from '../src/index.js';
import { endpointBody, freshName, liveClient, modelBody, versionBody, WAIT } from './support.js';

const MINILM = 'sentence-transformers/all-MiniLM-L6-v2';

describe('packaging jobs', () => {
  const mlm = liveClient();

  it('waitForPackagingJob reports every read and resolves with the registered version', async () => {
    const name = freshName();
    await mlm.createModel(modelBody(name));
    const job = await mlm.createPackagingJob({
      source: { platform: 'huggingface', model_id: MINILM },
      target: { model_name: name, register_version: true },
    });
    const seen: PackagingJob[] = [];
    const done = await mlm.waitForPackagingJob(job.job_id, { ...WAIT, onProgress: (read) => seen.push(read) });
    assert.equal(done.status, 'succeeded');
    assert.equal(done.model_version, 1);
    assert.equal(seen.at(-1), done);
    assert.ok(done.output?.environment);
  });

  it('lists and iterates packaging jobs of a model', async () => {
    const name = freshName();
    await mlm.createModel(modelBody(name));
    const job = await mlm.createPackagingJob({
      source: { platform: 'huggingface', model_id: MINILM },
      target: { model_name: name, register_version: false },
    });
    const listed = [];
    for await (const item of mlm.iterPackagingJobs({ model_name: name })) listed.push(item.job_id);
    assert.deepEqual(listed, [job.job_id]);
    assert.equal((await mlm.listPackagingJobs({ model_name: name })).items.length, 1);
  });

  it('a cancelled job makes waitForPackagingJob reject with PackagingJobFailedError', async () => {
    const name = freshName();
    await mlm.createModel(modelBody(name));
    const job = await mlm.createPackagingJob({
      source: { platform: 'huggingface', model_id: MINILM },
      target: { model_name: name, register_version: true },
    });
    await mlm.cancelPackagingJob(job.job_id);
    await assert.rejects(mlm.waitForPackagingJob(job.job_id, WAIT), (error: unknown) => {
      assert.ok(error instanceof PackagingJobFailedError);
      assert.equal(error.status, 'cancelled');
      return true;
    });
  });
});

describe('invoking and observing an endpoint', () => {
  const mlm = liveClient();
  const name = freshName();

  before(async () => {
    await mlm.createModel(modelBody(name));
    await mlm.createModelVersion(name, versionBody());
    await mlm.createEndpoint(endpointBody(name, name));
    await mlm.waitForEndpoint(name, WAIT);
  });

  it('invokeEndpointJson sends JSON and reads the JSON answer', async () => {
    const answer = await mlm.invokeEndpointJson(name, { inputs: 'Hello' });
    assert.deepEqual(answer.json<{ request: { json: unknown } }>().request.json, { inputs: 'Hello' });
    assert.equal(answer.invokedVariant, 'primary');
  });

  it('invokeEndpointText sends text/plain', async () => {
    const answer = await mlm.invokeEndpointText(name, 'plain words');
    const received = answer.json<{ request: { text: string; content_type: string } }>().request;
    assert.deepEqual([received.text, received.content_type], ['plain words', 'text/plain; charset=utf-8']);
  });

  it('invokeEndpoint sends bytes as they are', async () => {
    const answer = await mlm.invokeEndpoint(name, new Uint8Array([0xff, 0xfe, 0x20, 0x62]));
    const received = answer.json<{ request: { base64: string; content_type: string } }>().request;
    assert.deepEqual([received.base64, received.content_type], ['//4gYg==', 'application/octet-stream']);
  });

  it('a model error rejects with a 424 MlmError', async () => {
    const failing = { mlm_emulator: { model_error: { status: 500, message: 'boom' } } };
    await assert.rejects(mlm.invokeEndpointJson(name, failing), (error: unknown) => {
      assert.ok(error instanceof MlmError);
      assert.equal(error.status, 424);
      return true;
    });
  });

  it('invokeEndpointStream is an async iterator of chunks', async () => {
    const parts: InvocationChunk[] = [];
    const body = JSON.stringify({ inputs: 'Hi', mlm_emulator: { chunks: 4 } });
    for await (const chunk of mlm.invokeEndpointStream(name, body)) parts.push(chunk);
    assert.equal(parts.length, 4);
    assert.ok(parts.every((chunk) => chunk.data.length > 0));
  });

  it('getEndpointInstances shows each variant', async () => {
    const instances = await mlm.getEndpointInstances(name);
    assert.deepEqual(instances.variants.map((variant) => variant.name), ['primary']);
  });

  it('getEndpointMetrics counts the invocations', async () => {
    await mlm.invokeEndpointJson(name, { inputs: 'count me' });
    // The range ends past now: the current minute's period is not complete before then.
    const end = new Date(Date.now() + 120_000).toISOString();
    const metrics = await mlm.getEndpointMetrics(name, { metric: ['invocations'], period: 60, end_time: end });
    const total = metrics.series.flatMap((series) => series.points).reduce((sum, point) => sum + point.value, 0);
    assert.ok(total >= 1, JSON.stringify(metrics));
  });
});
