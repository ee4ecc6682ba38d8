import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { useEmulator } from '@runware/emulator/testing';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createFetchResolver } from '../src/http/fetch-resolver';
import { keepAliveAgentOptions, loadUndiciFetch } from '../src/http/undici-fetch';
import { createRestTransport } from '../src/index';
import { captured, captureLog, imageTask } from './support/emulator';

const emulator = useEmulator({ beforeAll, afterAll, afterEach }, { latency: { default: 5 } });

const notInstalled = async () => {
  throw Object.assign(new Error("Cannot find package 'undici'"), { code: 'ERR_MODULE_NOT_FOUND' });
};

describe('which fetch', () => {
  it('uses undici with a keep-alive Agent on Node when undici is installed', async () => {
    const { log, lines } = captureLog();
    const transport = createRestTransport({ apiKey: emulator.apiKey, httpBaseUrl: emulator.httpUrl, log });
    await transport.send([imageTask()]);
    expect(lines[0]?.data).toEqual({ fetch: 'undici', ...keepAliveAgentOptions });
    // undici's own fetch says `undici` by default; Node's bundled copy says `node`.
    const [request] = await captured(emulator);
    expect(request.headers['user-agent']).toBe('undici');
    await transport.close();
  });

  it('uses an injected fetch, and only that', async () => {
    const { log, lines } = captureLog();
    const calls: string[] = [];
    const injected: typeof fetch = (input, init) => {
      calls.push(String(input));
      return fetch(input, init);
    };
    const transport = createRestTransport({
      apiKey: emulator.apiKey,
      httpBaseUrl: emulator.httpUrl,
      fetch: injected,
      log,
    });
    const result = await transport.send([imageTask()]);
    expect(result.status).toBe(200);
    expect(calls).toEqual([emulator.httpUrl]);
    expect(lines.some((l) => l.data?.fetch === 'undici')).toBe(false);
    const [request] = await captured(emulator);
    expect(request.headers['user-agent']).toBe('node');
  });

  it('falls back to the global fetch, quietly, when undici is not installed', async () => {
    const { log, lines } = captureLog();
    const resolved = await createFetchResolver(undefined, log, notInstalled).get();
    expect(resolved?.source).toBe('global');
    expect(lines.filter((l) => l.category === 'warn')).toEqual([]);
    const response = await resolved?.fetch(emulator.httpUrl, {
      method: 'POST',
      headers: { authorization: `Bearer ${emulator.apiKey}` },
      body: JSON.stringify([imageTask()]),
    });
    expect(response?.status).toBe(200);
  });

  it('warns and falls back when undici is present but unusable', async () => {
    const { log, lines } = captureLog();
    const broken = await createFetchResolver(undefined, log, async () => {
      throw new Error('undici needs a newer Node');
    }).get();
    const shapeless = await createFetchResolver(undefined, log, async () => ({ version: 1 })).get();
    expect([broken?.source, shapeless?.source]).toEqual(['global', 'global']);
    expect(lines.filter((l) => l.category === 'warn')).toHaveLength(2);
  });

  it('decides once per transport, and connect() decides ahead of the first request', async () => {
    let loads = 0;
    const resolver = createFetchResolver(
      undefined,
      () => {},
      async (name) => {
        loads += 1;
        return import(name);
      },
    );
    expect(resolver.settled()).toBeUndefined();
    const [a, b] = await Promise.all([resolver.get(), resolver.get()]);
    expect(a).toBe(b);
    expect(a?.source).toBe('undici');
    expect(loads).toBe(1);
    await a?.release();

    const { log, lines } = captureLog();
    const transport = createRestTransport({ apiKey: emulator.apiKey, httpBaseUrl: emulator.httpUrl, log });
    await transport.connect?.();
    expect(lines.map((l) => l.data?.fetch)).toEqual(['undici']);
    await transport.close();
  });
});

describe('keep-alive', () => {
  let server: Server;
  let url: string;
  let connections = 0;
  beforeAll(async () => {
    server = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"data":[]}');
      });
    });
    server.on('connection', () => {
      connections += 1;
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it('reuses pooled connections for sequential requests through the undici Agent', async () => {
    const undici = await loadUndiciFetch();
    if (!undici) throw new Error('undici is a devDependency and must load');
    connections = 0;
    for (let i = 0; i < 10; i++) {
      const response = await undici.fetch(url, { method: 'POST', body: '[]' });
      expect(await response.json()).toEqual({ data: [] });
    }
    // A socket goes back to the pool a tick after its body ends, so the second request may open
    // one more; after that every request reuses a pooled socket.
    expect(connections).toBeLessThanOrEqual(2);
    await undici.release();
  });
});

describe('edge safety', () => {
  it('has no Node built-ins and no static undici import in src', () => {
    const dir = fileURLToPath(new URL('../src/', import.meta.url));
    const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
    expect(files).toContain('http/fetch-resolver.ts');
    for (const file of files) {
      const text = readFileSync(`${dir}${file}`, 'utf8');
      expect(text, file).not.toMatch(/from\s+['"](node:|undici)/);
      expect(text, file).not.toMatch(/\brequire\(/);
      expect(text, file).not.toMatch(/import\(\s*['"]undici['"]\s*\)/);
    }
  });
});
