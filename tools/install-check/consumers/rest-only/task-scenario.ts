/**
 * The REST-only task app: only `@runware/core` and `@runware/transport-rest`, as an edge function
 * or a browser page installs them. One task (submitted async and polled, as `run()` does) and one
 * error the service reports, mapped to a RunwareError. Its bundle holds the size budget of issue 16.
 */
import { createRunwareClient, createStaticRegistry, isRunwareError, type RunwareClient } from '@runware/core';
import { createRestTransport } from '@runware/transport-rest';

export interface ScenarioTarget {
  apiKey: string;
  httpBaseUrl: string;
}

export interface TaskReport {
  runtime: string;
  transport: string;
  image: { taskUUID: string; imageURL: unknown };
  failure: { code: string; parameter: unknown } | { unexpected: string };
}

/** Runs the task app's scenario; `more` runs further steps on the same client (the stream app's). */
export async function runTaskScenario<Extra>(
  target: ScenarioTarget,
  more: (client: RunwareClient) => Promise<Extra>,
): Promise<TaskReport & Extra> {
  const transport = createRestTransport({ apiKey: target.apiKey, baseUrl: target.httpBaseUrl });
  const registry = createStaticRegistry({
    models: {
      'runware:400@1': { taskType: 'imageInference', slug: 'bfl-flux-2-dev' },
      'google:gemma@4-31b': { taskType: 'textInference' },
    },
  });
  const client = createRunwareClient({
    config: { apiKey: target.apiKey, httpBaseUrl: target.httpBaseUrl },
    transport,
    registry,
  });
  try {
    const [image] = await client.run({
      model: 'bfl-flux-2-dev',
      positivePrompt: 'A lighthouse',
      width: 512,
      height: 512,
    });
    const extra = await more(client);
    let failure: TaskReport['failure'] = { unexpected: 'no error' };
    try {
      // No messages: the service refuses it, and the engine maps its error to a RunwareError.
      await client.run({ model: 'google:gemma@4-31b' } as never);
    } catch (error) {
      failure = isRunwareError(error)
        ? { code: error.code, parameter: error.parameter }
        : { unexpected: String(error) };
    }
    return {
      runtime: globalThis.navigator?.userAgent ?? 'unknown',
      transport: transport.name,
      image: { taskUUID: image?.taskUUID ?? '', imageURL: image?.imageURL },
      failure,
      ...extra,
    };
  } finally {
    await client.close();
  }
}
