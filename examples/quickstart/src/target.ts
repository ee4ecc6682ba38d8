import { startEmulator } from '@runware/emulator';

export interface Target {
  /** What the demo talks to, for the summary. */
  label: string;
  apiKey: string;
  httpBaseUrl?: string;
  wsBaseUrl?: string;
  schemasBaseUrl?: string;
  stop(): Promise<void>;
}

/** The real API when RUNWARE_API_KEY is set; otherwise an emulator started in this process. */
export async function pickTarget(env: NodeJS.ProcessEnv = process.env): Promise<Target> {
  const apiKey = env.RUNWARE_API_KEY;
  if (apiKey) return { label: 'the Runware API', apiKey, stop: async () => {} };
  const emulator = await startEmulator({
    port: 0,
    latency: { imageInference: 400, videoInference: 900, audioInference: 500 },
    tokenDelayMs: 25,
  });
  return {
    label: `the local emulator (${emulator.wsUrl})`,
    apiKey: emulator.apiKey,
    httpBaseUrl: emulator.httpUrl,
    wsBaseUrl: emulator.wsUrl,
    schemasBaseUrl: emulator.schemasUrl,
    stop: emulator.stop,
  };
}
