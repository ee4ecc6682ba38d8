/**
 * The server side of the scheme: a small Node proxy that holds the Runware API key. It checks each
 * request's signature, then forwards the body to the API with `Authorization: Bearer <key>` and
 * streams the answer back as it comes (JSON or SSE, with its status and Retry-After).
 */
import { timingSafeEqual } from 'node:crypto';
import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { AddressInfo } from 'node:net';
import { computeSignature, importSigningKey, signatureHeaders } from './request-signature';

export interface SigningProxyOptions {
  /** The Runware REST endpoint, e.g. `https://api.runware.ai/v1`. */
  upstreamUrl: string;
  /** The only place the key lives. */
  apiKey: string;
  /** clientId → shared secret. */
  clients: Readonly<Record<string, string>>;
  port?: number;
  host?: string;
  /** How far a request's timestamp may be from this clock (default 5 minutes). */
  maxSkewMs?: number;
  maxBodyBytes?: number;
}

export interface RunningSigningProxy {
  /** Where clients POST their tasks. */
  url: string;
  stop(): Promise<void>;
}

/**
 * Why a request was refused. The code is `invalidCredentials`, which the SDK classifies as `auth`
 * (not retryable); `reason` says which check failed.
 */
export type RefusalReason = 'unsigned' | 'unknownClient' | 'badSignature' | 'staleTimestamp' | 'replayed';

// Headers of the upstream answer worth passing on; nothing else (no upstream cookies or server ids).
const passedHeaders = ['content-type', 'retry-after', 'cache-control'];

export async function startSigningProxy(options: SigningProxyOptions): Promise<RunningSigningProxy> {
  const { maxSkewMs = 300_000, maxBodyBytes = 32 * 1024 * 1024 } = options;
  const upstream = new URL(options.upstreamUrl);
  const keys = new Map(
    await Promise.all(
      Object.entries(options.clients).map(
        async ([id, secret]) => [id, await importSigningKey(secret)] as const,
      ),
    ),
  );
  /** Signatures seen within the skew window, with when they may be forgotten. */
  const seen = new Map<string, number>();

  async function check(req: IncomingMessage, body: string): Promise<RefusalReason | undefined> {
    const header = (name: string) => {
      const value = req.headers[name];
      return typeof value === 'string' ? value : undefined;
    };
    const clientId = header(signatureHeaders.clientId);
    const timestamp = header(signatureHeaders.timestamp);
    const nonce = header(signatureHeaders.nonce);
    const signature = header(signatureHeaders.signature);
    if (!clientId || !timestamp || !nonce || !signature) return 'unsigned';
    const key = keys.get(clientId);
    if (!key) return 'unknownClient';
    const expected = Buffer.from(await computeSignature(key, { clientId, timestamp, nonce, body }));
    const given = Buffer.from(signature);
    // timingSafeEqual needs equal lengths; the length of a hex HMAC is no secret.
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'badSignature';
    // Checked after the signature, so the timestamp is known to be the client's own.
    const now = Date.now();
    if (!/^\d+$/.test(timestamp) || Math.abs(now - Number(timestamp)) > maxSkewMs) return 'staleTimestamp';
    // Entries come in (nearly) in expiry order: stop at the first live one.
    for (const [old, forgetAt] of seen) {
      if (forgetAt >= now) break;
      seen.delete(old);
    }
    if (seen.has(signature)) return 'replayed';
    // A replay older than the window fails the timestamp check, so the set stays bounded.
    seen.set(signature, Number(timestamp) + maxSkewMs);
    return undefined;
  }

  function forward(req: IncomingMessage, res: ServerResponse, body: Buffer, gone: AbortSignal): void {
    const send = upstream.protocol === 'https:' ? httpsRequest : httpRequest;
    const outgoing = send(upstream, {
      method: 'POST',
      signal: gone, // the client went away (abort, close): stop the upstream request too
      headers: {
        'content-type': 'application/json',
        'content-length': body.length,
        accept: req.headers.accept ?? 'application/json',
        authorization: `Bearer ${options.apiKey}`,
      },
    });
    outgoing.on('response', (answer) => {
      const headers: Record<string, string> = {};
      for (const name of passedHeaders) {
        const value = answer.headers[name];
        if (typeof value === 'string') headers[name] = value;
      }
      res.writeHead(answer.statusCode ?? 502, headers);
      res.flushHeaders(); // an SSE client sees the stream open at once
      answer.pipe(res);
      // The upstream cut its answer (a truncated stream, a reset): cut ours too, so the client
      // sees what happened instead of a clean end.
      answer.on('error', () => res.destroy());
      answer.on('close', () => {
        if (!answer.complete) res.destroy();
      });
    });
    // No answer upstream (refused, reset, lost after sending) → no answer to the client: the
    // client's lost-answer recovery applies unchanged, and it never mistakes this for an API reply.
    outgoing.on('error', () => res.destroy());
    outgoing.end(body);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // Set up first: a client may leave while its signature is checked, and then nothing is sent.
    const gone = new AbortController();
    res.on('close', () => {
      if (!res.writableFinished) gone.abort();
    });
    if (req.method !== 'POST') return refuse(res, 405, 'methodNotAllowed', 'POST tasks to this URL.');
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req) {
      size += (chunk as Buffer).length;
      if (size > maxBodyBytes) return refuse(res, 413, 'invalidRequestSize', 'The body is too large.');
      chunks.push(chunk as Buffer);
    }
    const body = Buffer.concat(chunks);
    const reason = await check(req, body.toString('utf8'));
    if (reason) return refuse(res, 401, 'invalidCredentials', `Request refused: ${reason}.`, reason);
    if (!gone.signal.aborted) forward(req, res, body, gone.signal);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(() => res.destroy());
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve);
  });
  const { address, port } = server.address() as AddressInfo;
  const host = address.includes(':') ? `[${address}]` : address;
  let stopping: Promise<void> | undefined;
  return {
    url: `http://${host}:${port}/v1`,
    stop() {
      stopping ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return stopping;
    },
  };
}

function refuse(res: ServerResponse, status: number, code: string, message: string, reason?: string): void {
  const error = { code, message, ...(reason ? { reason } : {}) };
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ errors: [error] }));
}
