// Error answers become typed errors, against a live server.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { EndpointFailedError, getModel, MlmError } from '../src/index.js';
import { endpointBody, freshName, liveClient, modelBody, versionBody, WAIT } from './support.js';

const mlm = liveClient();

async function rejection(promise: Promise<unknown>): Promise<MlmError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof MlmError, `expected an MlmError, got ${String(error)}`);
    return error;
  }
  assert.fail('the call succeeded');
}

test('a missing endpoint rejects with an MlmError carrying status, code, detail and request id', async () => {
  const name = freshName();
  const error = await rejection(mlm.getEndpoint(name));
  assert.equal(error.status, 404);
  assert.equal(error.code, 'ENDPOINT_NOT_FOUND');
  assert.match(error.detail ?? '', new RegExp(name));
  assert.ok(error.requestId);
});

test('a generated SDK function called with the client rejects with an MlmError too', async () => {
  const call = getModel({ client: mlm.client, throwOnError: true, path: { model_name: freshName() } });
  const error = await rejection(call);
  assert.deepEqual([error.status, error.code], [404, 'MODEL_NOT_FOUND']);
});

test('an unknown API key rejects with a 401 MlmError', async () => {
  const error = await rejection(liveClient('not-a-key').listModels());
  assert.equal(error.status, 401);
});

test('registering a model twice rejects with a 409 naming the conflict', async () => {
  const name = freshName();
  await mlm.createModel(modelBody(name));
  const error = await rejection(mlm.createModel(modelBody(name)));
  assert.deepEqual([error.status, error.code], [409, 'MODEL_ALREADY_EXISTS']);
});

test('a malformed body rejects with a 400 whose errors name the field', async () => {
  const error = await rejection(mlm.createModel({ name: 'Not A Valid Name' }));
  assert.equal(error.status, 400);
  assert.ok(error.errors.length > 0);
});

test('a stale ETag rejects the update with a 412', async () => {
  const name = freshName();
  await mlm.createModel(modelBody(name));
  const { etag } = await mlm.getModelWithEtag(name);
  assert.ok(etag);
  await mlm.updateModel(name, { description: 'first' }, { ifMatch: etag });
  const error = await rejection(mlm.updateModel(name, { description: 'second' }, { ifMatch: etag }));
  assert.equal(error.status, 412);
});

test('waitForEndpoint rejects with EndpointFailedError carrying the failure reason', async () => {
  const name = freshName();
  await mlm.createModel(modelBody(name));
  await mlm.createModelVersion(name, versionBody({ MLM_EMULATOR_FAILURE_REASON: 'image crashed' }));
  await mlm.createEndpoint(endpointBody(name, name));
  await assert.rejects(
    mlm.waitForEndpoint(name, WAIT),
    (error) => error instanceof EndpointFailedError && error.status === 'failed' && error.failureReason === 'image crashed',
  );
});
