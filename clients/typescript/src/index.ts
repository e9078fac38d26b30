// The MLM TypeScript SDK. Hand-written: client.ts, errors.ts, pagination.ts, waiters.ts.
// Generated from spec/openapi.yaml (never edit): generated/ — its SDK functions and types
// are re-exported here; pass `client: mlm.client` to call them directly.
export { apiBaseUrl, createMlmClient, MlmClient, type MlmClientOptions, type Precondition, type Tagged } from './client.js';
export { EndpointFailedError, MlmError, WaiterTimeoutError } from './errors.js';
export { items, pages, type Page, type PageFetcher } from './pagination.js';
export {
  FAILED_ENDPOINT_STATUSES,
  type WaitForEndpointOptions,
  type WaitOptions,
} from './waiters.js';
export * from './generated/index.js';
