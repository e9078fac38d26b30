// Invocation answers and streamed chunks. The body passes through byte for byte, so the
// typed methods send it as given (no JSON serializer) and read the answer as bytes.
import { InvocationStreamError } from './errors.js';

export const EVENT_STREAM = 'text/event-stream';
export const INVOKED_VARIANT = 'X-Mlm-Invoked-Variant';

/** Options of every invoke method. */
export interface InvokeOptions {
  /** Content-Type of the body (defaults: bytes `application/octet-stream`, text `text/plain`, JSON `application/json`). */
  contentType?: string;
  /** What the model should answer with (its `Accept`). */
  accept?: string;
  /** The variant to invoke instead of routing by weight (`X-Mlm-Target-Variant`). */
  targetVariant?: string;
  signal?: AbortSignal;
}

/** The model's answer as it gave it. */
export class Invocation {
  constructor(
    readonly body: Uint8Array,
    readonly contentType: string | null,
    readonly invokedVariant: string | null,
    readonly requestId: string | null,
  ) {}

  text(): string {
    return new TextDecoder().decode(this.body);
  }

  json<T = unknown>(): T {
    return JSON.parse(this.text()) as T;
  }
}

/** One part of a streamed answer, as the model sent it. */
export class InvocationChunk {
  constructor(readonly data: Uint8Array) {}

  text(): string {
    return new TextDecoder().decode(this.data);
  }
}

export function invocationHeaders(contentType: string, options: InvokeOptions, accept = options.accept): Record<string, string> {
  return {
    'Content-Type': contentType,
    ...(accept === undefined ? {} : { Accept: accept }),
    ...(options.targetVariant === undefined ? {} : { 'X-Mlm-Target-Variant': options.targetVariant }),
  };
}

/** The chunks of a server-sent event stream (`chunk`, `binary`, `end`; `error` throws). */
export async function* chunks(body: ReadableStream<Uint8Array>): AsyncGenerator<InvocationChunk, void, undefined> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  let event = 'message';
  let data: string[] = [];
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      let newline: number;
      while ((newline = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, newline).replace(/\r$/, '');
        buffer = buffer.slice(newline + 1);
        if (line !== '') {
          const colon = line.indexOf(':');
          const field = colon < 0 ? line : line.slice(0, colon);
          const text = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
          if (field === 'event') event = text;
          else if (field === 'data') data.push(text);
          continue;
        }
        const [name, joined] = [event, data.join('\n')];
        event = 'message';
        data = [];
        if (name === 'chunk') yield new InvocationChunk(new TextEncoder().encode(joined));
        else if (name === 'binary') yield new InvocationChunk(fromBase64(joined));
        else if (name === 'error') throw streamError(joined);
        else if (name === 'end') return;
      }
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
}

function streamError(data: string): InvocationStreamError {
  try {
    const problem = JSON.parse(data) as { code?: unknown; message?: unknown };
    return new InvocationStreamError(String(problem.code ?? 'STREAM_FAILED'), String(problem.message ?? data));
  } catch {
    return new InvocationStreamError('STREAM_FAILED', data);
  }
}

function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}
