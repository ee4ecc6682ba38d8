/**
 * The full SDK in a browser page: `createClient()` with its defaults — the WebSocket transport
 * (the browser's own WebSocket), REST/SSE for streams and the live registry — plus client-side
 * validation, pointed at the emulator.
 */
import { createClient, isRunwareError } from '@runware/sdk';

export interface SdkTarget {
  apiKey: string;
  httpBaseUrl: string;
  wsBaseUrl: string;
  schemasBaseUrl: string;
}

async function runFullSdkScenario(target: SdkTarget) {
  const client = await createClient({ ...target, validate: true });
  try {
    const results: { taskUUID: string; imageURL: unknown }[] = [];
    const images = await client.run(
      {
        model: 'runware:400@1',
        positivePrompt: 'A harbour at night',
        width: 512,
        height: 512,
        numberResults: 2,
      },
      { onResult: (item) => results.push({ taskUUID: item.taskUUID, imageURL: item.imageURL }) },
    );
    const stream = await client.stream({
      model: 'google:gemma@4-31b',
      messages: [{ role: 'user', content: 'Say hello from the browser' }],
    });
    const text = await stream.text();
    let validation: { code: string; parameter: unknown } | { unexpected: string } = {
      unexpected: 'no error',
    };
    try {
      // No messages: client-side validation (ajv, in the page) refuses it before sending.
      await client.run({ model: 'google:gemma@4-31b' } as never);
    } catch (error) {
      validation = isRunwareError(error)
        ? { code: error.code, parameter: error.parameter }
        : { unexpected: String(error) };
    }
    return {
      runtime: navigator.userAgent,
      images: images.map((image) => ({ taskUUID: image.taskUUID, imageURL: image.imageURL })),
      onResult: results,
      text,
      validation,
    };
  } finally {
    await client.close();
  }
}

Object.assign(globalThis, { runwareFullSdk: runFullSdkScenario });
