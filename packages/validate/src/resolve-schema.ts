import type { ValidatorOptions } from './validator-options';

export type ResolveResult =
  | { status: 'found'; requestSchema: Record<string, unknown>; documentation?: string | undefined }
  /** Definitive: the service does not know the model, or has no request schema for it. */
  | { status: 'absent'; reason: string }
  /** Transient: network error, timeout, a non-404 error status or an unreadable body. */
  | { status: 'unavailable'; reason: string };

export interface ResolveSchemaOptions {
  baseUrl: string;
  fetch: typeof globalThis.fetch | undefined;
  timeoutMs: number;
  log: NonNullable<ValidatorOptions['log']>;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

class ResolveTimeout extends Error {}

/** `GET {baseUrl}/resolve/<AIR>` (the AIR as one percent-encoded segment), bounded by `timeoutMs`. */
export async function resolveSchema(model: string, options: ResolveSchemaOptions): Promise<ResolveResult> {
  // Read at call time, so a fetch installed after the validator was created is still used.
  const fetchFn = options.fetch ?? globalThis.fetch;
  if (typeof fetchFn !== 'function') return { status: 'unavailable', reason: 'no fetch implementation' };
  const url = `${options.baseUrl.replace(/\/+$/, '')}/resolve/${encodeURIComponent(model)}`;
  options.log('request', `GET ${url}`, { model });

  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  // Raced as well as aborted: an injected fetch may ignore the signal.
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new ResolveTimeout(`no answer within ${options.timeoutMs} ms`));
    }, options.timeoutMs);
  });
  try {
    const response = await Promise.race([
      fetchFn(url, { method: 'GET', headers: { accept: 'application/json' }, signal: controller.signal }),
      deadline,
    ]);
    if (response.status === 404) {
      void response.body?.cancel().catch(() => undefined);
      return { status: 'absent', reason: 'the schemas service does not know this model (404)' };
    }
    if (!response.ok) {
      void response.body?.cancel().catch(() => undefined);
      return { status: 'unavailable', reason: `the schemas service answered ${response.status}` };
    }
    const body: unknown = await Promise.race([response.json(), deadline]);
    if (!isObject(body)) return { status: 'unavailable', reason: 'the resolve answer is not an object' };
    if (!isObject(body.requestSchema)) return { status: 'absent', reason: 'the model has no request schema' };
    const documentation = typeof body.documentation === 'string' ? body.documentation : undefined;
    return { status: 'found', requestSchema: body.requestSchema, documentation };
  } catch (error) {
    const reason = error instanceof ResolveTimeout ? error.message : `network error: ${String(error)}`;
    return { status: 'unavailable', reason };
  } finally {
    clearTimeout(timer);
  }
}
