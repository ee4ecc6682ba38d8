import type { TransportCapabilitiesV1, TransportV1 } from '../spec/transport-v1';

/**
 * The parts of a test runner the suite needs. vitest's, jest's and mocha's globals fit as they are
 * (`import { describe, it, beforeAll, afterAll, afterEach } from 'vitest'`).
 */
export interface ConformanceTestRunner {
  describe(name: string, body: () => void): void;
  it(name: string, body: () => Promise<void> | void, timeoutMs?: number): void;
  beforeAll(body: () => Promise<void> | void, timeoutMs?: number): void;
  afterAll(body: () => Promise<void> | void, timeoutMs?: number): void;
  afterEach(body: () => Promise<void> | void, timeoutMs?: number): void;
}

/**
 * A running Runware emulator (`@runware/emulator`'s `startEmulator()` returns one). The suite only
 * talks to it over HTTP: the API at `httpUrl`/`wsUrl`, faults and captured requests at `controlUrl`.
 */
export interface ConformanceEmulator {
  httpUrl: string;
  wsUrl: string;
  controlUrl: string;
  apiKey: string;
  /** Called once after the suite when present. */
  stop?(): Promise<void>;
}

/** Where the transport under test should connect, and with which key. */
export interface ConformanceEndpoint {
  apiKey: string;
  /** REST base URL (`…/v1`). */
  httpUrl: string;
  /** WebSocket URL (`ws://…/v1`). */
  wsUrl: string;
}

/**
 * What the transport claims to support; the suite runs the tests that apply. `streaming`, `push`
 * and `resume` must equal the transport's own `capabilities`.
 */
export interface TransportConformanceManifestV1 extends TransportCapabilitiesV1 {
  /** The wire it speaks to the service, which decides the emulator faults that reach it. */
  wire: 'rest' | 'websocket';
  /**
   * It retries transient failures itself (HTTP 408/429/5xx, refused connections) before throwing.
   * Checked with HTTP faults on the `rest` wire; a WebSocket transport's reconnects are `resume`'s.
   */
  retries: boolean;
}

export interface TransportConformanceOptionsV1 {
  /** Names the suite's `describe` block; defaults to the manifest's wire (`rest transport`). */
  name?: string;
  /** A fresh transport per test; the suite closes it after the test. */
  createTransport(endpoint: ConformanceEndpoint): TransportV1 | Promise<TransportV1>;
  manifest: TransportConformanceManifestV1;
  /** Starts (or returns) the emulator, called once before the suite; it is stopped after it. */
  emulator(): ConformanceEmulator | Promise<ConformanceEmulator>;
  /** Per-test timeout in ms passed to `it`; default 20 000. */
  timeoutMs?: number;
}
