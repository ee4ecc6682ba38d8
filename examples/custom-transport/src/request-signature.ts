/**
 * The request signing scheme, shared by the client (which signs) and the proxy (which checks):
 * HMAC-SHA256 over `clientId \n timestamp \n nonce \n body`, hex encoded. WebCrypto only, so the
 * signing side runs in browsers and edge runtimes as well as Node.
 */

/** The headers a signed request carries. */
export const signatureHeaders = {
  clientId: 'x-client-id',
  /** Unix time in milliseconds; the proxy refuses requests more than 5 minutes off its clock. */
  timestamp: 'x-timestamp',
  /** Random per request, so two identical bodies in the same millisecond sign differently. */
  nonce: 'x-nonce',
  signature: 'x-signature',
} as const;

export interface SignedParts {
  clientId: string;
  timestamp: string;
  nonce: string;
  body: string;
}

const encoder = new TextEncoder();

export function importSigningKey(secret: string): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, [
    'sign',
  ]);
}

/** The hex HMAC of the parts. Every field is signed: changing any of them breaks the signature. */
export async function computeSignature(key: CryptoKey, parts: SignedParts): Promise<string> {
  const message = [parts.clientId, parts.timestamp, parts.nonce, parts.body].join('\n');
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, encoder.encode(message)));
  return Array.from(mac, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** Returns a function that signs one request body; the key is imported once, on first use. */
export function createRequestSigner(
  clientId: string,
  secret: string,
  now: () => number = Date.now,
): (body: string) => Promise<Record<string, string>> {
  let key: Promise<CryptoKey> | undefined;
  return async (body) => {
    key ??= importSigningKey(secret);
    const parts = { clientId, timestamp: String(now()), nonce: crypto.randomUUID(), body };
    return {
      [signatureHeaders.clientId]: parts.clientId,
      [signatureHeaders.timestamp]: parts.timestamp,
      [signatureHeaders.nonce]: parts.nonce,
      [signatureHeaders.signature]: await computeSignature(await key, parts),
    };
  };
}
