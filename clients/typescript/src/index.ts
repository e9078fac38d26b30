// The MLM TypeScript SDK. Hand-written: client.ts, errors.ts, invocations.ts, pagination.ts, waiters.ts.
// Generated from spec/openapi.yaml (never edit): generated/ — its SDK functions and types
// are re-exported here; pass `client: mlm.client` to call them directly.
export {
  apiBaseUrl,
  createMlmClient,
  MlmClient,
  type InvocationBody,
  type MlmClientOptions,
  type Precondition,
  type Tagged,
} from './client.js';
export {
  EndpointFailedError,
  InvocationStreamError,
  MlmError,
  PackagingJobFailedError,
  WaiterTimeoutError,
} from './errors.js';
export { Invocation, InvocationChunk, type InvokeOptions } from './invocations.js';
export { items, pages, type Page, type PageFetcher } from './pagination.js';
export {
  FAILED_ENDPOINT_STATUSES,
  FAILED_PACKAGING_STATUSES,
  type WaitForPackagingJobOptions,
  type WaitForEndpointOptions,
  type WaitOptions,
} from './waiters.js';
export * from './generated/index.js';
