import { createRunwareError, type ModelInfoV1 } from '@runware/core';
import { defaultBundledTables } from './bundled-tables';
import { fetchRegistry } from './fetch-registry';
import { parseRegistry } from './parse-registry';
import { createRefreshGate } from './refresh-gate';
import {
  type Registry,
  type RegistryOptions,
  requestTimeout,
  resolveRegistryOptions,
} from './registry-options';
import { findModel, type RegistrySnapshot, snapshotOf, withRemote } from './registry-snapshot';
import { waitAtMost } from './wait-at-most';

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * A registry that answers from the bundled list at once and keeps the remote `registry.json` on
 * top of it: the first lookup waits a bounded time for the first fetch, later lookups never wait
 * (a stale list is refreshed in the background, triggered by lookups, so no timer keeps running).
 * Every cache lives in this closure: two registries share nothing.
 */
export function createRegistry(options: RegistryOptions = {}): Registry {
  const config = resolveRegistryOptions(options);
  const { log } = config;
  const bundled = snapshotOf(options.bundled ?? defaultBundledTables());
  let snapshot: RegistrySnapshot = bundled;
  let remoteVersion: string | undefined;
  let etag: string | undefined;
  let firstWait: Promise<void> | undefined;
  const notified = new Set<string>();

  const keeping = () => (remoteVersion ? `version ${remoteVersion}` : 'bundled list');

  async function load(): Promise<void> {
    const url = config.registryUrl;
    log('request', `GET ${url}`, { url, ifNoneMatch: etag });
    let fetched: Awaited<ReturnType<typeof fetchRegistry>>;
    try {
      fetched = await fetchRegistry({ url, fetch: config.fetch, etag, timeout: requestTimeout });
    } catch (error) {
      log('warn', `Could not refresh the model registry; keeping the ${keeping()}.`, {
        error: messageOf(error),
      });
      throw error;
    }
    if (fetched.status === 304) {
      log('info', 'The model registry is unchanged (304).', { version: remoteVersion });
      return;
    }
    const parsed = parseRegistry(fetched.text);
    if (!parsed.ok) {
      const message = `The model registry at ${url} is malformed (${parsed.reason}); keeping the ${keeping()}.`;
      log('warn', message);
      throw createRunwareError('parseError', message);
    }
    if (parsed.skipped > 0)
      log('warn', `Skipped ${parsed.skipped} malformed entries of the model registry.`, {
        skipped: parsed.skipped,
      });
    snapshot = withRemote(bundled, parsed.registry);
    remoteVersion = parsed.registry.version;
    // Without an ETag there is nothing to revalidate against: the next fetch is a full one.
    etag = fetched.etag;
    log('info', `Loaded model registry version ${remoteVersion}.`, {
      version: remoteVersion,
      models: parsed.registry.models.size,
    });
  }

  const gate = createRefreshGate({
    load,
    ttl: config.ttl,
    retryAfter: config.retryAfter,
    now: config.now,
  });

  // Failures are logged by `load`; in the background nobody else is told.
  const inBackground = () => gate.run().catch(() => undefined);

  /** Waits for the first fetch at most `firstFetchTimeout`; lookups made meanwhile share this wait. */
  function firstFetch(fetching: Promise<unknown>): Promise<void> {
    const started = Date.now();
    return waitAtMost(fetching, config.firstFetchTimeout).then((inTime) => {
      if (!inTime)
        log(
          'info',
          `The model registry did not answer within ${config.firstFetchTimeout} ms; using the bundled list meanwhile.`,
          { waitedMs: Date.now() - started },
        );
    });
  }

  /** The first lookup waits (bounded) for the first fetch; later ones only trigger a due refresh. */
  function ready(): Promise<void> {
    if (!firstWait) {
      firstWait = firstFetch(inBackground());
      return firstWait;
    }
    if (gate.due()) void inBackground();
    return firstWait;
  }

  return {
    specificationVersion: 'v1',
    async lookup(model: string): Promise<ModelInfoV1 | undefined> {
      await ready();
      return typeof model === 'string' ? findModel(snapshot, model) : undefined;
    },
    async taskTypeOfKey(key: string): Promise<string | undefined> {
      await ready();
      return snapshot.keys.get(key);
    },
    async refresh(): Promise<void> {
      // Counts as the first fetch too, so a lookup right after does not start another.
      const forced = gate.force();
      firstWait ??= firstFetch(forced);
      await forced;
    },
    notifyVersion(version: string): void {
      if (typeof version !== 'string' || version === '' || version === remoteVersion || notified.has(version))
        return;
      // Each version asks once; a service still serving the old list is not asked again and again.
      notified.add(version);
      if (notified.size > 16) notified.clear();
      gate.request();
      if (gate.started() && gate.due()) void inBackground();
    },
    version: () => remoteVersion,
  };
}
