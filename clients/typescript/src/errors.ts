// Typed errors: every error answer of the API becomes an MlmError; waiters add two more.
import type { Endpoint, FieldError, PackagingJob, Problem } from './generated/index.js';

/** An error answer (RFC 9457 application/problem+json) from the MLM API. */
export class MlmError extends Error {
  override readonly name = 'MlmError';
  /** The HTTP status. */
  readonly status: number;
  /** The stable UPPER_SNAKE reason (e.g. `ENDPOINT_NOT_FOUND`); null if the body had none. */
  readonly code: string | null;
  readonly detail: string | null;
  readonly title: string | null;
  readonly type: string | null;
  /** The request's id, from the problem or else the `X-Request-Id` header. */
  readonly requestId: string | null;
  /** Which fields were wrong (400/422). */
  readonly errors: readonly FieldError[];

  constructor(init: {
    status: number;
    code?: string | null;
    detail?: string | null;
    title?: string | null;
    type?: string | null;
    requestId?: string | null;
    errors?: readonly FieldError[];
  }) {
    const code = init.code ?? null;
    const detail = init.detail ?? null;
    const requestId = init.requestId ?? null;
    super(describe(init.status, code, detail, requestId));
    this.status = init.status;
    this.code = code;
    this.detail = detail;
    this.title = init.title ?? null;
    this.type = init.type ?? null;
    this.requestId = requestId;
    this.errors = init.errors ?? [];
  }
}

/** A waiter saw the endpoint end in a failed status. */
export class EndpointFailedError extends Error {
  override readonly name = 'EndpointFailedError';
  readonly endpointName: string;
  /** `failed` or `update_rollback_failed`. */
  readonly status: string;
  readonly failureReason: string | null;
  readonly endpoint: Endpoint;

  constructor(endpoint: Endpoint) {
    const reason = endpoint.failure_reason ?? 'no reason given';
    super(`endpoint '${endpoint.name}' ended ${endpoint.status}: ${reason}`);
    this.endpointName = endpoint.name;
    this.status = endpoint.status;
    this.failureReason = endpoint.failure_reason;
    this.endpoint = endpoint;
  }
}

/** A waiter ran out of time before the resource reached the status it waited for. */
export class WaiterTimeoutError extends Error {
  override readonly name = 'WaiterTimeoutError';
  readonly resourceName: string;
  readonly expected: string;
  /** The last status seen (null if none was read). */
  readonly lastStatus: string | null;
  readonly timeoutMs: number;

  constructor(resourceName: string, expected: string, lastStatus: string | null, timeoutMs: number) {
    super(`'${resourceName}' is still ${lastStatus ?? 'unknown'}, not ${expected}, after ${timeoutMs} ms`);
    this.resourceName = resourceName;
    this.expected = expected;
    this.lastStatus = lastStatus;
    this.timeoutMs = timeoutMs;
  }
}

/**
 * The generated client's error interceptor: turns an error answer's parsed body (a
 * problem, or text from something in between such as a proxy) into an MlmError.
 * Without a response (network failure, abort) the error passes through unchanged.
 */
export function toMlmError(error: unknown, response: Response | undefined): unknown {
  if (response === undefined) {
    return error;
  }
  const headerId = response.headers.get('X-Request-Id');
  if (!isProblemLike(error)) {
    const text = typeof error === 'string' && error !== '' ? error : null;
    return new MlmError({ status: response.status, detail: text ?? response.statusText, requestId: headerId });
  }
  return new MlmError({
    status: response.status,
    code: stringOrNull(error.code),
    detail: stringOrNull(error.detail),
    title: stringOrNull(error.title),
    type: stringOrNull(error.type),
    requestId: stringOrNull(error.request_id) ?? headerId,
    errors: Array.isArray(error.errors) ? error.errors : [],
  });
}

function isProblemLike(value: unknown): value is Partial<Record<keyof Problem, unknown>> & { errors?: unknown } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringOrNull(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

function describe(status: number, code: string | null, detail: string | null, requestId: string | null): string {
  let text = code === null ? String(status) : `${status} ${code}`;
  if (detail !== null) text += `: ${detail}`;
  if (requestId !== null) text += ` (request ${requestId})`;
  return text;
}

/** A packaging waiter saw the job end `failed` or `cancelled`. */
export class PackagingJobFailedError extends Error {
  override readonly name = 'PackagingJobFailedError';
  readonly jobId: string;
  readonly status: string;
  readonly failureReason: string | null;
  readonly job: PackagingJob;

  constructor(job: PackagingJob) {
    super(`packaging job '${job.job_id}' ended ${job.status}: ${job.failure_reason ?? 'no reason given'}`);
    this.jobId = job.job_id;
    this.status = job.status;
    this.failureReason = job.failure_reason;
    this.job = job;
  }
}

/** A streamed invocation failed after the stream had started (the SSE `error` event). */
export class InvocationStreamError extends Error {
  override readonly name = 'InvocationStreamError';

  constructor(
    readonly code: string,
    readonly detail: string,
  ) {
    super(`${code}: ${detail}`);
  }
}
