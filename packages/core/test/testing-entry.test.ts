import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { useEmulator } from '@runware/emulator/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRunwareError, type TransportV1 } from '../src/index';
import {
  type ConformanceEndpoint,
  type ConformanceTestRunner,
  runTransportConformance,
  type TransportConformanceManifestV1,
} from '../src/testing/index';

// The suite is only worth publishing if it fails the transports it should. These tests run it with a
// collecting runner against a minimal fetch transport, correct and with one flaw at a time.

type Body = () => Promise<void> | void;

/** A runner that records the suite instead of running it, then runs (some of) its tests in order. */
function collectSuite(register: (runner: ConformanceTestRunner) => void) {
  const tests: { name: string; body: Body; timeoutMs: number | undefined }[] = [];
  const hooks = { beforeAll: [] as Body[], afterAll: [] as Body[], afterEach: [] as Body[] };
  const path: string[] = [];
  register({
    describe(name, body) {
      path.push(name);
      body();
      path.pop();
    },
    it(name, body, timeoutMs) {
      tests.push({ name: [...path, name].join(' > '), body, timeoutMs });
    },
    beforeAll: (body) => void hooks.beforeAll.push(body),
    afterAll: (body) => void hooks.afterAll.push(body),
    afterEach: (body) => void hooks.afterEach.push(body),
  });

  /** Runs the tests whose name matches; resolves with each one's failure (undefined when it passed). */
  async function run(match: RegExp = /./): Promise<Map<string, Error | undefined>> {
    const outcomes = new Map<string, Error | undefined>();
    for (const hook of hooks.beforeAll) await hook();
    try {
      for (const test of tests.filter((t) => match.test(t.name))) {
        let failure: Error | undefined;
        try {
          await test.body();
        } catch (error) {
          failure = error as Error;
        }
        for (const hook of hooks.afterEach) await hook();
        outcomes.set(test.name, failure);
      }
    } finally {
      for (const hook of hooks.afterAll) await hook();
    }
    return outcomes;
  }
  return { names: tests.map((t) => t.name), tests, run };
}

interface Flaws {
  /** Submits every request twice and answers with the first reply. */
  resend?: boolean;
  /** Never looks at the caller's signal. */
  ignoreAbort?: boolean;
  /** Throws plain Errors instead of RunwareErrors. */
  plainErrors?: boolean;
  /** Claims streaming without a stream(). */
  claimsStreaming?: boolean;
  /** close() leaves pending sends pending. */
  closeForgetsPending?: boolean;
}

/** About the smallest correct REST transport: one POST per send, abort and close via signals. */
function createMiniTransport({ apiKey, httpUrl }: ConformanceEndpoint, flaws: Flaws = {}): TransportV1 {
  const closing = new AbortController();
  const fail = (rawCode: string, message: string) => {
    throw flaws.plainErrors ? new Error(message) : createRunwareError(rawCode, message);
  };
  return {
    specificationVersion: 'v1',
    name: 'mini-rest',
    capabilities: { streaming: flaws.claimsStreaming === true, push: false, resume: false },
    async send(tasks, options = {}) {
      const signal = flaws.ignoreAbort ? undefined : options.signal;
      if (signal?.aborted) fail('aborted', 'aborted before sending');
      if (closing.signal.aborted) fail('disconnected', 'the transport is closed');
      const post = () =>
        fetch(httpUrl, {
          method: 'POST',
          headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
          body: JSON.stringify(tasks),
          signal: AbortSignal.any(signal ? [closing.signal, signal] : [closing.signal]),
        });
      try {
        const response = await post();
        const body = (await response.json()) as { data?: []; errors?: [] };
        if (flaws.resend) await (await post()).text();
        return { data: body.data ?? [], errors: body.errors ?? [], status: response.status };
      } catch (cause) {
        if (signal?.aborted) fail('aborted', 'aborted in flight');
        if (closing.signal.aborted) fail('disconnected', 'closed in flight');
        return fail('connectionFailed', `no answer: ${String(cause)}`);
      }
    },
    async close() {
      if (!flaws.closeForgetsPending) closing.abort();
    },
  };
}

const restManifest: TransportConformanceManifestV1 = {
  streaming: false,
  push: false,
  resume: false,
  wire: 'rest',
  retries: false,
};

const emulator = useEmulator({ beforeAll, afterAll });

/** The suite over the shared emulator (no `stop`: it outlives each run) and a mini transport. */
const suiteFor = (flaws: Flaws, manifest: TransportConformanceManifestV1 = restManifest) =>
  collectSuite((runner) =>
    runTransportConformance(runner, {
      createTransport: (endpoint) => createMiniTransport(endpoint, flaws),
      manifest,
      emulator: () => ({
        httpUrl: emulator.httpUrl,
        wsUrl: emulator.wsUrl,
        controlUrl: emulator.controlUrl,
        apiKey: emulator.apiKey,
      }),
      timeoutMs: 8000,
    }),
  );

const failures = (outcomes: Map<string, Error | undefined>) =>
  [...outcomes].flatMap(([name, error]) => (error ? [`${name}: ${error.message}`] : []));

describe('@runware/core/testing', () => {
  it('registers only the tests a manifest makes applicable, each once', () => {
    const rest = suiteFor({}).names;
    const everything = suiteFor(
      {},
      { streaming: true, push: true, resume: true, wire: 'websocket', retries: true },
    ).names;
    expect(new Set(rest).size).toBe(rest.length);
    expect(rest.some((name) => name.includes('REST faults'))).toBe(true);
    expect(rest.some((name) => name.includes('fails on a 503'))).toBe(true);
    expect(rest.some((name) => /streaming|push and resume|WebSocket/.test(name))).toBe(false);
    expect(everything.some((name) => name.includes('REST faults'))).toBe(false);
    for (const part of ['streaming >', 'WebSocket frame faults', 'onItem', 'resumes'])
      expect(everything.some((name) => name.includes(part))).toBe(true);
    expect(suiteFor({}).tests.every((test) => test.timeoutMs === 8000)).toBe(true);
  });

  it('passes a minimal correct transport on every applicable test', async () => {
    const outcomes = await suiteFor({}).run();
    expect(outcomes.size).toBeGreaterThan(15);
    expect(failures(outcomes)).toEqual([]);
  }, 60_000);

  it('fails a transport that submits a task twice', async () => {
    const outcomes = await suiteFor({ resend: true }).run(/batch|concurrent/);
    expect(outcomes.size).toBe(2);
    for (const error of outcomes.values()) expect(error?.message).toMatch(/submitted at most once/);
  }, 60_000);

  it('fails a transport that ignores the abort signal', async () => {
    const outcomes = await suiteFor({ ignoreAbort: true }).run(/pre-aborted|aborting mid-flight/);
    expect(outcomes.size).toBe(2);
    const messages = [...outcomes.values()].map((error) => error?.message);
    expect(messages).toEqual([
      expect.stringMatching(/expected a rejection, it resolved/),
      expect.stringMatching(/still pending/),
    ]);
  }, 60_000);

  it('fails a transport that throws plain Errors, or claims a capability it lacks', async () => {
    const plain = await suiteFor({ plainErrors: true }).run(/pre-aborted|close\(\)/);
    expect([...plain.values()].map((error) => error?.message)).toEqual([
      expect.stringMatching(/expected a RunwareError, got Error: aborted before sending/),
      expect.stringMatching(/expected a RunwareError, got Error: closed in flight/),
    ]);
    const identity = await suiteFor({ claimsStreaming: true }).run(/declares/);
    expect(failures(identity)).toEqual([expect.stringMatching(/capabilities against the manifest/)]);
  }, 60_000);

  it('fails a transport whose close() leaves a pending send pending', async () => {
    const outcomes = await suiteFor({ closeForgetsPending: true }).run(/close\(\)/);
    expect(failures(outcomes)).toEqual([
      expect.stringMatching(/the send pending at close\(\).*still pending/),
    ]);
  }, 60_000);

  it('ships edge-safe sources: no Node built-ins, no test runner, no emulator import', () => {
    const root = join(dirname(fileURLToPath(import.meta.url)), '../src/testing');
    const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      const source = readFileSync(join(root, file), 'utf8');
      // Comments may show how a test file imports vitest; only code counts.
      const text = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
      expect(text, file).not.toMatch(/from ['"](node:|vitest|@runware\/emulator|fs|path|crypto)/);
      expect(text, file).not.toMatch(/\brequire\(|\bBuffer\b|(?<![.\w])process\./);
      expect(source.split('\n').length, file).toBeLessThan(400);
    }
  });
});
