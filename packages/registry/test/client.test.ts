import { randomUUID } from 'node:crypto';
import { createRunwareClient, type TransportV1 } from '@runware/core';
import { type RunningEmulator, useEmulator } from '@runware/emulator/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRegistry } from '../src/index';
import { addNewModel } from './support/helpers';

/** The smallest REST transport (core alone has none): one POST per batch, recording what was sent. */
function restTransport(emulator: RunningEmulator, sent: unknown[]): TransportV1 {
  return {
    specificationVersion: 'v1',
    name: 'test-rest',
    capabilities: { streaming: false, push: false, resume: false },
    async send(tasks) {
      sent.push(...tasks);
      const response = await fetch(emulator.httpUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${emulator.apiKey}` },
        body: JSON.stringify(tasks),
      });
      const body = (await response.json()) as { data?: []; errors?: [] };
      return { data: body.data ?? [], errors: body.errors ?? [], status: response.status };
    },
    async close() {},
  };
}

describe('createRunwareClient with createRegistry', () => {
  const emulator = useEmulator({ beforeAll, afterAll }, { latency: { default: 5 } });

  it('runs a day-zero model by slug after refreshRegistry(), the slug rewritten to its AIR', async () => {
    const sent: { model?: string; taskType?: string }[] = [];
    const client = createRunwareClient({
      config: { apiKey: emulator.apiKey },
      transport: restTransport(emulator, sent),
      registry: createRegistry({ schemasBaseUrl: emulator.schemasUrl }),
    });
    const task = {
      model: 'newprovider-one',
      positivePrompt: 'a lighthouse',
      width: 512,
      height: 512,
      deliveryMethod: 'sync' as const,
    };
    await expect(client.run({ ...task, taskUUID: randomUUID() })).rejects.toMatchObject({
      rawCode: 'unknownModel',
    });

    await addNewModel(emulator);
    await client.refreshRegistry();
    const [result] = await client.run({ ...task, taskUUID: randomUUID() });
    expect(result).toMatchObject({ taskType: 'imageInference' });
    expect(sent.at(-1)).toMatchObject({ model: 'newprovider:1@1', taskType: 'imageInference' });
    await client.close();
  });
});
