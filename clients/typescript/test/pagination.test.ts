// Iterators follow next_page_token, against a live server.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { freshName, liveClient, modelBody } from './support.js';

const mlm = liveClient();

async function createModels(prefix: string, count: number): Promise<string[]> {
  const names = Array.from({ length: count }, (_, index) => `${prefix}-${index}`);
  for (const name of names) await mlm.createModel(modelBody(name));
  return names;
}

test('iterModels yields every model across pages', async () => {
  const prefix = freshName();
  const names = await createModels(prefix, 5);
  const listed: string[] = [];
  for await (const model of mlm.iterModels({ name_prefix: prefix, page_size: 2 })) listed.push(model.name);
  assert.deepEqual(listed.sort(), names);
});

test('modelPages yields pages of at most page_size, the last with no next token', async () => {
  const prefix = freshName();
  await createModels(prefix, 5);
  const sizes: number[] = [];
  const tokens: (string | null)[] = [];
  for await (const page of mlm.modelPages({ name_prefix: prefix, page_size: 2 })) {
    sizes.push(page.items.length);
    tokens.push(page.next_page_token);
  }
  assert.deepEqual(sizes, [2, 2, 1]);
  assert.equal(tokens.at(-1), null);
  assert.ok(tokens.slice(0, -1).every((token) => typeof token === 'string' && token !== ''));
});
