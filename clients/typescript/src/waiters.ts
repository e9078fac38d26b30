// Waiters: poll an endpoint until it reaches a status, fails, or time runs out.
import { EndpointFailedError, MlmError, PackagingJobFailedError, WaiterTimeoutError } from './errors.js';
import type { Endpoint, EndpointStatus, PackagingJob } from './generated/index.js';

/** Statuses an endpoint does not leave by itself: a waiter stops with EndpointFailedError. */
export const FAILED_ENDPOINT_STATUSES: ReadonlySet<string> = new Set(['failed', 'update_rollback_failed']);

export interface WaitOptions {
  /** Give up after this long (default 1 hour: real SageMaker endpoints take minutes). */
  timeoutMs?: number;
  /** Time between two reads (default 5 s). */
  intervalMs?: number;
  /** Stops the wait early; the promise rejects with the signal's reason. */
  signal?: AbortSignal;
}

export interface WaitForEndpointOptions extends WaitOptions {
  /** The status to wait for (default `in_service`). */
  status?: EndpointStatus;
  /** Called with every read of the endpoint (its status as it changes). */
  onProgress?: (endpoint: Endpoint) => void;
}

export const DEFAULT_TIMEOUT_MS = 3_600_000;
export const DEFAULT_INTERVAL_MS = 5_000;

type ReadEndpoint = (name: string) => Promise<Endpoint>;

/** Resolves with the endpoint once it is in `status`. */
export async function waitForEndpoint(
  read: ReadEndpoint,
  name: string,
  options: WaitForEndpointOptions = {},
): Promise<Endpoint> {
  const wanted = options.status ?? 'in_service';
  return poll<Endpoint>(name, wanted, options, async () => {
    const endpoint = await read(name);
    options.onProgress?.(endpoint);
    if (endpoint.status === wanted) return { done: true, value: endpoint, status: endpoint.status };
    if (FAILED_ENDPOINT_STATUSES.has(endpoint.status)) throw new EndpointFailedError(endpoint);
    return { done: false, status: endpoint.status };
  });
}

/** Resolves once reading the endpoint answers 404. */
export async function waitForEndpointDeleted(
  read: ReadEndpoint,
  name: string,
  options: WaitOptions = {},
): Promise<void> {
  await poll<undefined>(name, 'deleted', options, async () => {
    let endpoint: Endpoint;
    try {
      endpoint = await read(name);
    } catch (error) {
      if (error instanceof MlmError && error.status === 404) return { done: true, value: undefined, status: 'deleted' };
      throw error;
    }
    // Still there: only its failing ends the wait early.
    if (FAILED_ENDPOINT_STATUSES.has(endpoint.status)) throw new EndpointFailedError(endpoint);
    return { done: false, status: endpoint.status };
  });
}

type Attempt<T> = { done: true; value: T; status: string } | { done: false; status: string };

async function poll<T>(
  name: string,
  wanted: string,
  options: WaitOptions,
  attempt: () => Promise<Attempt<T>>,
): Promise<T> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const intervalMs = options.intervalMs ?? DEFAULT_INTERVAL_MS;
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    options.signal?.throwIfAborted();
    const result = await attempt();
    if (result.done) return result.value;
    if (performance.now() >= deadline) {
      throw new WaiterTimeoutError(name, wanted, result.status, timeoutMs);
    }
    await sleep(Math.min(intervalMs, Math.max(0, deadline - performance.now())), options.signal);
  }
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Statuses a packaging job ends in without an artifact. */
export const FAILED_PACKAGING_STATUSES: ReadonlySet<string> = new Set(['failed', 'cancelled']);

export interface WaitForPackagingJobOptions extends WaitOptions {
  /** Called with every read of the job: status, `phase` and `progress` (bytes, files). */
  onProgress?: (job: PackagingJob) => void;
}

/**
 * Resolves with the job once it succeeded (and, if asked to, registered its version);
 * PackagingJobFailedError when it ends failed or cancelled.
 */
export async function waitForPackagingJob(
  read: (jobId: string) => Promise<PackagingJob>,
  jobId: string,
  options: WaitForPackagingJobOptions = {},
): Promise<PackagingJob> {
  return poll<PackagingJob>(jobId, 'succeeded', options, async () => {
    const job = await read(jobId);
    options.onProgress?.(job);
    if (FAILED_PACKAGING_STATUSES.has(job.status)) throw new PackagingJobFailedError(job);
    const registered = job.model_version !== null || !job.target.register_version;
    if (job.status === 'succeeded' && registered) return { done: true, value: job, status: job.status };
    return { done: false, status: job.status };
  });
}
