// What the live tests share: the server from the environment, fresh names, request bodies.
import { randomUUID } from 'node:crypto';
import { createMlmClient, type EndpointCreate, type MlmClient, type ModelCreate, type ModelVersionCreate } from '../src/index.js';

/** The emulator moves an endpoint along every 0.2 s in tests: poll faster, give up late. */
export const WAIT = { intervalMs: 50, timeoutMs: 60_000 } as const;

const IMAGE = '763104351884.dkr.ecr.us-east-1.amazonaws.com/djl-inference:0.33.0-lmi15.0.0-cu128';

export function liveClient(apiKey: string = requiredEnv('MLM_API_KEY')): MlmClient {
  return createMlmClient({ baseUrl: requiredEnv('MLM_BASE_URL'), apiKey });
}

/** A fresh resource name: every test file shares one server and one tenant. */
export function freshName(): string {
  return `ts-${randomUUID().replaceAll('-', '').slice(0, 12)}`;
}

export function modelBody(name: string): ModelCreate {
  return { name, task: 'text-generation', owner: 'ml-platform', metadata: { license: 'apache-2.0' } };
}

export function versionBody(environment: Record<string, string> = {}): ModelVersionCreate {
  return {
    container: { image: IMAGE, environment },
    source: { platform: 'huggingface', model_id: 'THUDM/glm-4-9b-chat' },
    requirements: { gpu_memory_gib: 22 },
  };
}

export function endpointBody(name: string, modelName: string): EndpointCreate {
  return {
    name,
    variants: [{ model_name: modelName, model_version: 1, instance_type: 'ml.g5.2xlarge', instance_count: 1 }],
  };
}

function requiredEnv(name: string): string {
  const value = process.env[name];
  if (value === undefined || value === '') {
    throw new Error(`${name} is not set: these tests run against a live mlm serve`);
  }
  return value;
}
