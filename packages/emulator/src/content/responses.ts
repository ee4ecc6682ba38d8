/**
 * Response builders. Errors use the API's `{ errors: [{ code, message, parameter? }] }` envelope;
 * the status is what the SDK acts on (a 404 on a single-item call becomes `null` or `[]`).
 */
import type { ContentResponse } from './shapes';

export function ok(body: unknown): ContentResponse {
  return { status: 200, body };
}

export function notFound(message: string): ContentResponse {
  return { status: 404, body: { errors: [{ code: 'notFound', message }] } };
}

export function invalidParameter(parameter: string, message: string): ContentResponse {
  return { status: 400, body: { errors: [{ code: 'invalidParameter', message, parameter }] } };
}

export function methodNotAllowed(method: string): ContentResponse {
  return {
    status: 405,
    body: {
      errors: [
        { code: 'methodNotAllowed', message: `The content service is read-only; ${method} is not allowed.` },
      ],
    },
    headers: { allow: 'GET, HEAD' },
  };
}
