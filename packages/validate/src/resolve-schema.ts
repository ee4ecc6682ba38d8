import { describeCause, type FetchLike, fetchWithTimeout, type SafeLog } from '@runware/core/transport-kit';
import type { ValidatorLogCategory } from './validator-options';

export type ResolveResult =
  | { status: 'found'; requestSchema: Record<string, unknown>; documentation?: string | undefined }
  /** Definitive: the service does not know the model, or has no request schema for it. */
  | { status: 'absent'; reason: string }
  /** Transient: network error, timeout, a non-404 error status or an unreadable body. */
  | { status: 'unavailable'; reason: string };

export interface ResolveSchemaOptions {
  schemasBaseUrl: string;
  fetch: FetchLike | undefined;
  /** The whole exchange, headers and body, ms. */
  timeout: number;
  log: SafeLog<ValidatorLogCategory>;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** `GET {schemasBaseUrl}/resolve/<AIR>` (the AIR as one percent-encoded segment), bounded by `timeout`. */
export async function resolveSchema(model: string, options: ResolveSchemaOptions): Promise<ResolveResult> {
  // Read at call time, so a fetch installed after the validator was created is still used.
  const fetchFn = options.fetch ?? globalThis.fetch;
  if (typeof fetchFn !== 'function') return { status: 'unavailable', reason: 'no fetch implementation' };
  const url = `${options.schemasBaseUrl.replace(/\/+$/, '')}/resolve/${encodeURIComponent(model)}`;
  options.log('request', `GET ${url}`, { model });

  const outcome = await fetchWithTimeout(
    fetchFn,
    url,
    { method: 'GET', headers: { accept: 'application/json' } },
    { timeoutMs: options.timeout },
  );
  if (outcome.kind === 'timeout')
    return { status: 'unavailable', reason: `no answer within ${options.timeout} ms` };
  if (outcome.kind === 'network')
    return { status: 'unavailable', reason: `network error: ${describeCause(outcome.cause)}` };
  if (outcome.kind !== 'answer') return { status: 'unavailable', reason: outcome.kind };
  if (outcome.status === 404)
    return { status: 'absent', reason: 'the schemas service does not know this model (404)' };
  if (outcome.status < 200 || outcome.status > 299)
    return { status: 'unavailable', reason: `the schemas service answered ${outcome.status}` };
  const body = parseJson(outcome.text);
  if (!isObject(body)) return { status: 'unavailable', reason: 'the resolve answer is not a JSON object' };
  if (!isObject(body.requestSchema)) return { status: 'absent', reason: 'the model has no request schema' };
  const documentation = typeof body.documentation === 'string' ? body.documentation : undefined;
  return { status: 'found', requestSchema: body.requestSchema, documentation };
}
