import { startEmulator } from '@runware/emulator';

/** Where a recipe sends its tasks: the real API, or an emulator started in this process. */
export interface Target {
  label: string;
  apiKey: string;
  httpBaseUrl?: string;
  wsBaseUrl?: string;
  schemasBaseUrl?: string;
  contentBaseUrl?: string;
  /** The emulator's control API (faults, stats); absent against the real API. */
  controlUrl?: string;
  stop(): Promise<void>;
}

/** The real API when RUNWARE_API_KEY is set; otherwise an emulator on a free port. */
export async function startTarget(env: NodeJS.ProcessEnv = process.env): Promise<Target> {
  const apiKey = env.RUNWARE_API_KEY;
  if (apiKey) return { label: 'the Runware API', apiKey, stop: async () => {} };
  const emulator = await startEmulator({
    port: 0,
    // Quick images so recipes finish fast; a slow video for the cancellation recipe, and a slow
    // training so its progress is visible across several polls.
    latency: { default: 50, imageInference: 100, videoInference: 2_000, training: 1_200 },
    tokenDelayMs: 10,
  });
  return {
    label: 'the local emulator',
    apiKey: emulator.apiKey,
    httpBaseUrl: emulator.httpUrl,
    wsBaseUrl: emulator.wsUrl,
    schemasBaseUrl: emulator.schemasUrl,
    contentBaseUrl: emulator.contentUrl,
    controlUrl: emulator.controlUrl,
    stop: emulator.stop,
  };
}

/** The client config for a target: the key, plus every service URL the target overrides. */
export function clientConfig(target: Target) {
  const { apiKey, httpBaseUrl, wsBaseUrl, schemasBaseUrl, contentBaseUrl } = target;
  return {
    apiKey,
    ...(httpBaseUrl ? { httpBaseUrl } : {}),
    ...(wsBaseUrl ? { wsBaseUrl } : {}),
    ...(schemasBaseUrl ? { schemasBaseUrl } : {}),
    ...(contentBaseUrl ? { contentBaseUrl } : {}),
  };
}
