// @hey-api/openapi-ts 0.95.0 config for the generated half of the TypeScript SDK.
// scripts/generators/typescript_client.sh runs it with MLM_TS_INPUT (the spec) and
// MLM_TS_OUTPUT (where to write), so the drift check can generate into a scratch folder.
// Plain object, no import: the config must load wherever the generator runs it.
import { fileURLToPath } from 'node:url';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));

/** @type {import('@hey-api/openapi-ts').UserConfig} */
export default {
  input: process.env.MLM_TS_INPUT ?? here('../../spec/openapi.yaml'),
  output: {
    path: process.env.MLM_TS_OUTPUT ?? here('./src/generated'),
    // The SDK is ESM for Node 20 (NodeNext) and bundlers alike: imports carry `.js`.
    module: { extension: '.js' },
    // No formatter: the output must not depend on what happens to be installed.
    postProcess: [],
  },
  parser: {
    // The API pages with `page_token`; hey-api's defaults (cursor, offset…) miss it.
    pagination: { keywords: ['page_token'] },
  },
  plugins: ['@hey-api/client-fetch', '@hey-api/typescript', '@hey-api/sdk'],
};
