// The whole life of an endpoint through the SDK, against a live server. The steps build
// on each other, so they run in order (node:test runs a file's tests sequentially).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MlmError } from '../src/index.js';
import { endpointBody, freshName, liveClient, modelBody, versionBody, WAIT } from './support.js';

describe('endpoint lifecycle', () => {
  const mlm = liveClient();
  const name = freshName();

  it('registers a model', async () => {
    const model = await mlm.createModel(modelBody(name));
    assert.equal(model.name, name);
    assert.equal(model.latest_version, null);
  });

  it('registers version 1 of it', async () => {
    const version = await mlm.createModelVersion(name, versionBody());
    assert.equal(version.version, 1);
    assert.equal((await mlm.getModel(name)).latest_version, 1);
  });

  it('creates an endpoint that waitForEndpoint sees in service', async () => {
    const created = await mlm.createEndpoint(endpointBody(name, name));
    assert.equal(created.status, 'creating');
    const endpoint = await mlm.waitForEndpoint(name, { status: 'in_service', ...WAIT });
    assert.equal(endpoint.variants[0]?.current_instance_count, 1);
  });

  it('scales the endpoint to 2 instances', async () => {
    await mlm.updateEndpoint(name, { variants: [{ name: 'primary', instance_count: 2 }] });
    const endpoint = await mlm.waitForEndpoint(name, WAIT);
    assert.equal(endpoint.variants[0]?.current_instance_count, 2);
  });

  it('moves the endpoint to another instance type', async () => {
    await mlm.updateEndpoint(name, { variants: [{ name: 'primary', instance_type: 'ml.g6e.xlarge' }] });
    const endpoint = await mlm.waitForEndpoint(name, WAIT);
    assert.equal(endpoint.variants[0]?.instance_type, 'ml.g6e.xlarge');
  });

  it('deletes the endpoint until reading it answers 404', async () => {
    const deleting = await mlm.deleteEndpoint(name);
    assert.equal(deleting.status, 'deleting');
    await mlm.waitForEndpointDeleted(name, WAIT);
    await assert.rejects(mlm.getEndpoint(name), (error) => error instanceof MlmError && error.status === 404);
  });

  it('deletes the model with its version', async () => {
    await mlm.deleteModel(name, { force: true });
    await assert.rejects(mlm.getModel(name), (error) => error instanceof MlmError && error.code === 'MODEL_NOT_FOUND');
  });
});
