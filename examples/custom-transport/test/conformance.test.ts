import { runTransportConformance } from '@runware/core/testing';
import { startTestEmulator } from '@runware/emulator/testing';
import { afterAll, afterEach, beforeAll, describe, it } from 'vitest';
import { type RunningSigningProxy, startSigningProxy } from '../src/signing-proxy';
import { createSigningTransport } from '../src/signing-transport';

const clientId = 'conformance';
const secret = 'conformance-secret';

// The suite hands createTransport the emulator's URL and key. The transport never holds a key, so
// each distinct upstream + key gets a signing proxy (started on first use), and the transport
// talks to that. A wrong key (the suite's auth test) reaches the emulator through its own proxy,
// which refuses it like the real API would.
const proxies = new Map<string, Promise<RunningSigningProxy>>();

function proxyFor(upstreamUrl: string, apiKey: string): Promise<RunningSigningProxy> {
  const id = JSON.stringify([upstreamUrl, apiKey]);
  let proxy = proxies.get(id);
  if (!proxy) {
    proxy = startSigningProxy({ upstreamUrl, apiKey, clients: { [clientId]: secret } });
    proxies.set(id, proxy);
  }
  return proxy;
}

afterAll(async () => {
  const running = await Promise.allSettled(proxies.values());
  await Promise.all(running.map((entry) => (entry.status === 'fulfilled' ? entry.value.stop() : undefined)));
  proxies.clear();
});

runTransportConformance(
  { describe, it, beforeAll, afterAll, afterEach },
  {
    name: 'signing-proxy transport',
    createTransport: async ({ httpUrl, apiKey }) => {
      const proxy = await proxyFor(httpUrl, apiKey);
      return createSigningTransport({ proxyUrl: proxy.url, clientId, secret });
    },
    manifest: { streaming: true, push: false, resume: false, wire: 'rest', retries: true },
    emulator: startTestEmulator,
  },
);
