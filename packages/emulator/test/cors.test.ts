import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useEmulator } from '../src/testing/index';
import { emulatorOptions, uuid } from './support/emulator';

const emulator = useEmulator({ beforeAll, afterAll }, emulatorOptions());

const preflight = (url: string, headers: string) =>
  fetch(url, {
    method: 'OPTIONS',
    headers: {
      origin: 'http://localhost:5173',
      'access-control-request-method': 'POST',
      'access-control-request-headers': headers,
    },
  });

describe('CORS for browser apps', () => {
  it('answers a preflight for /v1 with the requested headers allowed', async () => {
    const res = await preflight(emulator.httpUrl, 'authorization, content-type');
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-allow-methods')).toContain('POST');
    expect(res.headers.get('access-control-allow-headers')).toBe('authorization, content-type');
  });

  it('lets any origin read inference answers, errors and service responses', async () => {
    const ok = await fetch(emulator.httpUrl, {
      method: 'POST',
      headers: { authorization: `Bearer ${emulator.apiKey}`, origin: 'http://localhost:5173' },
      body: JSON.stringify([{ taskType: 'ping', taskUUID: uuid(), ping: true }]),
    });
    expect(ok.headers.get('access-control-allow-origin')).toBe('*');
    const denied = await fetch(emulator.httpUrl, {
      method: 'POST',
      headers: { authorization: 'Bearer wrong' },
      body: JSON.stringify([{ taskType: 'ping', taskUUID: uuid(), ping: true }]),
    });
    expect(denied.status).toBe(401);
    expect(denied.headers.get('access-control-allow-origin')).toBe('*');
    expect(denied.headers.get('access-control-expose-headers')).toContain('retry-after');
    const registry = await fetch(`${emulator.schemasUrl}/registry.json`);
    expect(registry.headers.get('access-control-allow-origin')).toBe('*');
    const content = await fetch(`${emulator.contentUrl}/capabilities`);
    expect(content.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('gives the control API no CORS headers, so pages cannot read or drive it', async () => {
    const res = await fetch(`${emulator.controlUrl}/stats`, { headers: { origin: 'http://localhost:5173' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    const pre = await preflight(`${emulator.controlUrl}/faults`, 'content-type');
    expect(pre.headers.get('access-control-allow-origin')).toBeNull();
  });
});
