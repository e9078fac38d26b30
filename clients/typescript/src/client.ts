// The client applications use: one object from a base URL and an API key, one typed
// method per operation (over the generated SDK functions), page iterators and waiters.
import { toMlmError } from './errors.js';
import { createClient, createConfig, type Client } from './generated/client/index.js';
import * as sdk from './generated/sdk.gen.js';
import type {
  AlarmSubscription,
  AlarmSubscriptionCreate,
  CapturedInvocationPage,
  EndpointAlarms,
  EndpointAlarmsUpdate,
  EndpointAutoscaling,
  EndpointAutoscalingUpdate,
  GetEndpointLogsData,
  GetPackagingJobLogsData,
  ListEndpointCapturesData,
  LogLinePage,
  ClientOptions,
  Endpoint,
  EndpointCreate,
  EndpointInstances,
  EndpointMetrics,
  EndpointPage,
  EndpointUpdate,
  Health,
  InstanceType,
  InstanceTypePage,
  ApiKey,
  ApiKeyCreate,
  ApiKeyPage,
  ApiKeySecret,
  ApiKeyUpdate,
  AuditEventPage,
  GetEndpointMetricsData,
  ListApiKeysData,
  ListAuditEventsData,
  ListEndpointsData,
  ListInstanceTypesData,
  ListModelsData,
  ListModelVersionsData,
  ListPackagingJobsData,
  Model,
  ModelCreate,
  ModelPage,
  ModelUpdate,
  ModelVersion,
  ModelVersionCreate,
  ModelVersionPage,
  ModelVersionUpdate,
  PackagingJob,
  PackagingJobCreate,
  PackagingJobPage,
} from './generated/types.gen.js';
import {
  chunks,
  EVENT_STREAM,
  Invocation,
  INVOKED_VARIANT,
  invocationHeaders,
  type InvocationChunk,
  type InvokeOptions,
} from './invocations.js';
import { items, pages, type Page } from './pagination.js';
import {
  waitForEndpoint,
  waitForEndpointDeleted,
  waitForPackagingJob,
  type WaitForEndpointOptions,
  type WaitForPackagingJobOptions,
  type WaitOptions,
} from './waiters.js';

/** Bytes an invocation can send as they are. */
export type InvocationBody = Uint8Array | ArrayBuffer | Blob;

export interface MlmClientOptions {
  /** The server, e.g. `http://127.0.0.1:8080`; a trailing `/v1` is optional. */
  baseUrl: string;
  /** Sent as `X-Api-Key` on every operation that needs one. */
  apiKey: string;
  /** Another fetch (tests, proxies); default `globalThis.fetch`. */
  fetch?: typeof fetch;
  /** Extra headers on every request. */
  headers?: Record<string, string>;
}

/** If-Match: the change is refused (412) if the resource changed since that ETag was read. */
export interface Precondition {
  ifMatch?: string;
}

/** A representation with the ETag it was served with, for `ifMatch`. */
export interface Tagged<T> {
  value: T;
  etag: string | null;
}

type Query<T extends { query?: unknown }> = NonNullable<T['query']>;
type PageQuery<T extends { query?: unknown }> = Omit<Query<T>, 'page_token'>;

/** The API root: `http://host:8080` and `http://host:8080/v1/` both mean `…/v1`. */
export function apiBaseUrl(baseUrl: string): string {
  const root = baseUrl.replace(/\/+$/, '');
  return root.endsWith('/v1') ? root : `${root}/v1`;
}

export function createMlmClient(options: MlmClientOptions): MlmClient {
  return new MlmClient(options);
}

export class MlmClient {
  /**
   * The generated fetch client, configured: base URL, API key, and every error answer
   * thrown as an MlmError. Pass it as `client` to the generated SDK functions.
   */
  readonly client: Client;

  constructor(options: MlmClientOptions) {
    this.client = createClient(
      createConfig<ClientOptions>({
        baseUrl: apiBaseUrl(options.baseUrl),
        auth: options.apiKey,
        throwOnError: true,
        ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
        ...(options.headers === undefined ? {} : { headers: options.headers }),
      }),
    );
    this.client.interceptors.error.use(toMlmError);
  }

  private get base() {
    return { client: this.client, throwOnError: true } as const;
  }

  // --- health and instance types ---

  async getHealth(): Promise<Health> {
    return (await sdk.getHealth(this.base)).data;
  }

  async listInstanceTypes(query: Query<ListInstanceTypesData> = {}): Promise<InstanceTypePage> {
    return (await sdk.listInstanceTypes({ ...this.base, query })).data;
  }

  iterInstanceTypes(query: PageQuery<ListInstanceTypesData> = {}): AsyncGenerator<InstanceType, void, undefined> {
    return items((page_token) => this.listInstanceTypes({ ...query, page_token }));
  }

  // --- models ---

  async listModels(query: Query<ListModelsData> = {}): Promise<ModelPage> {
    return (await sdk.listModels({ ...this.base, query })).data;
  }

  iterModels(query: PageQuery<ListModelsData> = {}): AsyncGenerator<Model, void, undefined> {
    return items((page_token) => this.listModels({ ...query, page_token }));
  }

  /** Every page of models (each with its `next_page_token`). */
  modelPages(query: PageQuery<ListModelsData> = {}): AsyncGenerator<Page<Model>, void, undefined> {
    return pages((page_token) => this.listModels({ ...query, page_token }));
  }

  async createModel(body: ModelCreate): Promise<Model> {
    return (await sdk.createModel({ ...this.base, body })).data;
  }

  async getModel(modelName: string): Promise<Model> {
    return (await this.getModelWithEtag(modelName)).value;
  }

  async getModelWithEtag(modelName: string): Promise<Tagged<Model>> {
    const { data, response } = await sdk.getModel({ ...this.base, path: { model_name: modelName } });
    return { value: data, etag: response.headers.get('ETag') };
  }

  async updateModel(modelName: string, body: ModelUpdate, precondition: Precondition = {}): Promise<Model> {
    const path = { model_name: modelName };
    return (await sdk.updateModel({ ...this.base, path, body, headers: ifMatch(precondition) })).data;
  }

  /** `force`: also delete the model's versions (none may be deployed). */
  async deleteModel(modelName: string, options: Precondition & { force?: boolean } = {}): Promise<void> {
    const query = options.force === undefined ? {} : { force: options.force };
    const path = { model_name: modelName };
    await sdk.deleteModel({ ...this.base, path, query, headers: ifMatch(options) });
  }

  // --- API keys and the audit trail (admin) ---

  /** The secret is in this answer only (not replayable: no Idempotency-Key). */
  async createApiKey(body: ApiKeyCreate): Promise<ApiKeySecret> {
    return (await sdk.createApiKey({ ...this.base, body })).data;
  }

  async listApiKeys(query: Query<ListApiKeysData> = {}): Promise<ApiKeyPage> {
    return (await sdk.listApiKeys({ ...this.base, query })).data;
  }

  async getApiKey(keyName: string): Promise<ApiKey> {
    return (await sdk.getApiKey({ ...this.base, path: { key_name: keyName } })).data;
  }

  async updateApiKey(keyName: string, body: ApiKeyUpdate): Promise<ApiKey> {
    return (await sdk.updateApiKey({ ...this.base, path: { key_name: keyName }, body })).data;
  }

  async revokeApiKey(keyName: string): Promise<void> {
    await sdk.revokeApiKey({ ...this.base, path: { key_name: keyName } });
  }

  async rotateApiKey(keyName: string, options: { graceSeconds?: number } = {}): Promise<ApiKeySecret> {
    const query = options.graceSeconds === undefined ? {} : { grace_seconds: options.graceSeconds };
    return (await sdk.rotateApiKey({ ...this.base, path: { key_name: keyName }, query })).data;
  }

  async listAuditEvents(query: Query<ListAuditEventsData> = {}): Promise<AuditEventPage> {
    return (await sdk.listAuditEvents({ ...this.base, query })).data;
  }

  // --- model versions ---

  async listModelVersions(modelName: string, query: Query<ListModelVersionsData> = {}): Promise<ModelVersionPage> {
    return (await sdk.listModelVersions({ ...this.base, path: { model_name: modelName }, query })).data;
  }

  iterModelVersions(
    modelName: string,
    query: PageQuery<ListModelVersionsData> = {},
  ): AsyncGenerator<ModelVersion, void, undefined> {
    return items((page_token) => this.listModelVersions(modelName, { ...query, page_token }));
  }

  async createModelVersion(modelName: string, body: ModelVersionCreate): Promise<ModelVersion> {
    return (await sdk.createModelVersion({ ...this.base, path: { model_name: modelName }, body })).data;
  }

  async getModelVersion(modelName: string, version: number): Promise<ModelVersion> {
    return (await this.getModelVersionWithEtag(modelName, version)).value;
  }

  async getModelVersionWithEtag(modelName: string, version: number): Promise<Tagged<ModelVersion>> {
    const path = { model_name: modelName, version };
    const { data, response } = await sdk.getModelVersion({ ...this.base, path });
    return { value: data, etag: response.headers.get('ETag') };
  }

  async updateModelVersion(
    modelName: string,
    version: number,
    body: ModelVersionUpdate,
    precondition: Precondition = {},
  ): Promise<ModelVersion> {
    const path = { model_name: modelName, version };
    return (await sdk.updateModelVersion({ ...this.base, path, body, headers: ifMatch(precondition) })).data;
  }

  async deleteModelVersion(modelName: string, version: number, precondition: Precondition = {}): Promise<void> {
    const path = { model_name: modelName, version };
    await sdk.deleteModelVersion({ ...this.base, path, headers: ifMatch(precondition) });
  }

  // --- endpoints ---

  async listEndpoints(query: Query<ListEndpointsData> = {}): Promise<EndpointPage> {
    return (await sdk.listEndpoints({ ...this.base, query })).data;
  }

  iterEndpoints(query: PageQuery<ListEndpointsData> = {}): AsyncGenerator<Endpoint, void, undefined> {
    return items((page_token) => this.listEndpoints({ ...query, page_token }));
  }

  /** Answers at once with the endpoint `creating`; see waitForEndpoint. */
  async createEndpoint(body: EndpointCreate): Promise<Endpoint> {
    return (await sdk.createEndpoint({ ...this.base, body })).data;
  }

  async getEndpoint(endpointName: string): Promise<Endpoint> {
    return (await this.getEndpointWithEtag(endpointName)).value;
  }

  async getEndpointWithEtag(endpointName: string): Promise<Tagged<Endpoint>> {
    const { data, response } = await sdk.getEndpoint({ ...this.base, path: { endpoint_name: endpointName } });
    return { value: data, etag: response.headers.get('ETag') };
  }

  /** Scale, reweight, or change instance type / model version; answers at once (`updating`). */
  async updateEndpoint(endpointName: string, body: EndpointUpdate, precondition: Precondition = {}): Promise<Endpoint> {
    const path = { endpoint_name: endpointName };
    return (await sdk.updateEndpoint({ ...this.base, path, body, headers: ifMatch(precondition) })).data;
  }

  /** Answers at once with the endpoint `deleting`; see waitForEndpointDeleted. */
  async deleteEndpoint(endpointName: string, precondition: Precondition = {}): Promise<Endpoint> {
    const path = { endpoint_name: endpointName };
    return (await sdk.deleteEndpoint({ ...this.base, path, headers: ifMatch(precondition) })).data;
  }

  // --- observing endpoints ---

  /** Per variant: instance counts and the latest CloudWatch figures (null without data). */
  async getEndpointInstances(endpointName: string): Promise<EndpointInstances> {
    return (await sdk.getEndpointInstances({ ...this.base, path: { endpoint_name: endpointName } })).data;
  }

  /** Series over a range (default: every metric, the last hour, 60 s periods). */
  async getEndpointMetrics(endpointName: string, query: Query<GetEndpointMetricsData> = {}): Promise<EndpointMetrics> {
    return (await sdk.getEndpointMetrics({ ...this.base, path: { endpoint_name: endpointName }, query })).data;
  }

  /** A page of the endpoint's container log lines (CloudWatch Logs), oldest first. */
  async getEndpointLogs(endpointName: string, query: Query<GetEndpointLogsData> = {}): Promise<LogLinePage> {
    return (await sdk.getEndpointLogs({ ...this.base, path: { endpoint_name: endpointName }, query: { ...query, follow: false } })).data as LogLinePage;
  }

  /** A page of a packaging job's log lines (what the packager printed), oldest first. */
  async getPackagingJobLogs(jobId: string, query: Query<GetPackagingJobLogsData> = {}): Promise<LogLinePage> {
    return (await sdk.getPackagingJobLogs({ ...this.base, path: { job_id: jobId }, query: { ...query, follow: false } })).data as LogLinePage;
  }

  /** A page of the endpoint's captured invocations (data capture), oldest first. */
  async listEndpointCaptures(endpointName: string, query: Query<ListEndpointCapturesData> = {}): Promise<CapturedInvocationPage> {
    return (await sdk.listEndpointCaptures({ ...this.base, path: { endpoint_name: endpointName }, query })).data;
  }

  /** The endpoint's alarms with their CloudWatch states, and the SNS topic they notify. */
  async getEndpointAlarms(endpointName: string): Promise<EndpointAlarms> {
    return (await sdk.getEndpointAlarms({ ...this.base, path: { endpoint_name: endpointName } })).data;
  }

  /** Replaces the endpoint's alarms (an empty list removes them). */
  async putEndpointAlarms(endpointName: string, body: EndpointAlarmsUpdate): Promise<EndpointAlarms> {
    return (await sdk.putEndpointAlarms({ ...this.base, path: { endpoint_name: endpointName }, body })).data;
  }

  /** Subscribes an email address or an https:// webhook to the endpoint's alarm notifications. */
  async subscribeToEndpointAlarms(endpointName: string, body: AlarmSubscriptionCreate): Promise<AlarmSubscription> {
    return (await sdk.subscribeToEndpointAlarms({ ...this.base, path: { endpoint_name: endpointName }, body })).data;
  }

  // --- autoscaling ---

  /** Each scaling variant's bounds, metric and target, and the recent scaling activities. */
  async getEndpointAutoscaling(endpointName: string): Promise<EndpointAutoscaling> {
    return (await sdk.getEndpointAutoscaling({ ...this.base, path: { endpoint_name: endpointName } })).data;
  }

  /** Replaces the endpoint's autoscaling (variants left out stop scaling). */
  async putEndpointAutoscaling(endpointName: string, body: EndpointAutoscalingUpdate): Promise<EndpointAutoscaling> {
    return (await sdk.putEndpointAutoscaling({ ...this.base, path: { endpoint_name: endpointName }, body })).data;
  }

  /** Stops the endpoint's autoscaling; instance counts stay as they are. */
  async deleteEndpointAutoscaling(endpointName: string): Promise<void> {
    await sdk.deleteEndpointAutoscaling({ ...this.base, path: { endpoint_name: endpointName } });
  }

  // --- invoking endpoints ---

  /** Sends the bytes as they are; the answer's bytes, Content-Type and variant come back as they are. */
  async invokeEndpoint(endpointName: string, body: InvocationBody | string, options: InvokeOptions = {}): Promise<Invocation> {
    const contentType = options.contentType ?? (typeof body === 'string' ? 'text/plain; charset=utf-8' : 'application/octet-stream');
    const { data, response } = await sdk.invokeEndpoint({
      ...this.base,
      path: { endpoint_name: endpointName },
      body,
      bodySerializer: null,
      parseAs: 'arrayBuffer',
      headers: invocationHeaders(contentType, options),
      ...(options.signal === undefined ? {} : { signal: options.signal }),
    });
    return new Invocation(
      new Uint8Array(data as unknown as ArrayBuffer),
      response.headers.get('Content-Type'),
      response.headers.get(INVOKED_VARIANT),
      response.headers.get('X-Request-Id'),
    );
  }

  /** Sends text (`text/plain` unless `contentType` says otherwise). */
  invokeEndpointText(endpointName: string, text: string, options: InvokeOptions = {}): Promise<Invocation> {
    return this.invokeEndpoint(endpointName, text, options);
  }

  /** Sends `payload` as JSON (`null` too); read the answer with `.json()`. */
  invokeEndpointJson(endpointName: string, payload: unknown, options: InvokeOptions = {}): Promise<Invocation> {
    return this.invokeEndpoint(endpointName, JSON.stringify(payload), {
      accept: 'application/json',
      ...options,
      contentType: 'application/json',
    });
  }

  /**
   * The model's answer part by part as it arrives (SageMaker's response stream); a string
   * body is sent as JSON text unless `contentType` says otherwise. InvocationStreamError
   * if the model fails after the first part.
   */
  async *invokeEndpointStream(
    endpointName: string,
    body: InvocationBody | string,
    options: InvokeOptions = {},
  ): AsyncGenerator<InvocationChunk, void, undefined> {
    const contentType = options.contentType ?? (typeof body === 'string' ? 'application/json' : 'application/octet-stream');
    const accept = options.accept === undefined ? EVENT_STREAM : `${EVENT_STREAM}, ${options.accept}`;
    const { data } = await sdk.invokeEndpoint({
      ...this.base,
      path: { endpoint_name: endpointName },
      body,
      bodySerializer: null,
      parseAs: 'stream',
      headers: invocationHeaders(contentType, options, accept),
      ...(options.signal === undefined ? {} : { signal: options.signal }),
    });
    yield* chunks(data as unknown as ReadableStream<Uint8Array>);
  }

  // --- packaging jobs ---

  /** Submits the job and answers at once (`submitted`); see waitForPackagingJob. */
  async createPackagingJob(body: PackagingJobCreate, options: { idempotencyKey?: string } = {}): Promise<PackagingJob> {
    const headers = options.idempotencyKey === undefined ? {} : { 'Idempotency-Key': options.idempotencyKey };
    return (await sdk.createPackagingJob({ ...this.base, body, headers })).data;
  }

  async listPackagingJobs(query: Query<ListPackagingJobsData> = {}): Promise<PackagingJobPage> {
    return (await sdk.listPackagingJobs({ ...this.base, query })).data;
  }

  iterPackagingJobs(query: PageQuery<ListPackagingJobsData> = {}): AsyncGenerator<PackagingJob, void, undefined> {
    return items((page_token) => this.listPackagingJobs({ ...query, page_token }));
  }

  async getPackagingJob(jobId: string): Promise<PackagingJob> {
    return (await sdk.getPackagingJob({ ...this.base, path: { job_id: jobId } })).data;
  }

  /** Terminates the Batch job; a finished one is `409 PACKAGING_JOB_FINISHED`. */
  async cancelPackagingJob(jobId: string): Promise<PackagingJob> {
    return (await sdk.cancelPackagingJob({ ...this.base, path: { job_id: jobId } })).data;
  }

  /**
   * Polls until the job succeeded (its version registered when asked for); `onProgress`
   * gets every read. Rejects with PackagingJobFailedError if it ends failed or cancelled,
   * WaiterTimeoutError after `timeoutMs`.
   */
  waitForPackagingJob(jobId: string, options: WaitForPackagingJobOptions = {}): Promise<PackagingJob> {
    return waitForPackagingJob((id) => this.getPackagingJob(id), jobId, options);
  }

  /**
   * Polls until the endpoint is in `status` (default `in_service`). Rejects with
   * EndpointFailedError if it ends failed first, WaiterTimeoutError after `timeoutMs`.
   */
  waitForEndpoint(endpointName: string, options: WaitForEndpointOptions = {}): Promise<Endpoint> {
    return waitForEndpoint((name) => this.getEndpoint(name), endpointName, options);
  }

  /** Polls until the endpoint is gone (404); EndpointFailedError if it ends failed first. */
  waitForEndpointDeleted(endpointName: string, options: WaitOptions = {}): Promise<void> {
    return waitForEndpointDeleted((name) => this.getEndpoint(name), endpointName, options);
  }
}

function ifMatch(precondition: Precondition): { 'If-Match'?: string } {
  return precondition.ifMatch === undefined ? {} : { 'If-Match': precondition.ifMatch };
}
