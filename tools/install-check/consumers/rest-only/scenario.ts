/**
 * The REST-only app: only `@runware/core` and `@runware/transport-rest`, as an edge function or a
 * browser page would install them. One async task (submit + polls), one streamed answer, and one
 * error the service reports, so the bundle proves the engine, the transport and error mapping.
 */
import { createRunwareClient, createStaticRegistry, isRunwareError } from '@runware/core';
import { createRestTransport } from '@runware/transport-rest';

export interface ScenarioTarget {
  apiKey: string;
  httpBaseUrl: string;
}

export interface ScenarioReport {
  runtime: string;
  transport: string;
  image: { taskUUID: string; imageURL: unknown };
  stream: { tokens: number; text: string; finishReason: unknown };
  failure: { code: string; parameter: unknown } | { unexpected: string };
}

export async function runRestOnlyScenario(target: ScenarioTarget): Promise<ScenarioReport> {
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
    const stream = await client.stream({
      model: 'google:gemma@4-31b',
      messages: [{ role: 'user', content: 'Say hello from the edge' }],
    });
    let tokens = 0;
    for await (const _token of stream.textStream) tokens += 1;
    const answer = await stream.result();
    let failure: ScenarioReport['failure'] = { unexpected: 'no error' };
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
      stream: { tokens, text: answer.text, finishReason: answer.finishReason },
      failure,
    };
  } finally {
    await client.close();
  }
}
