/**
 * A Cloudflare-style module worker with the full SDK and `validate: true` over REST: GET / runs an
 * invalid task on a curated model, an invalid schema-generic call (`run<'sdxl'>` on a community
 * model, whose schema comes from `/resolve`), an invalid utility call and a valid task, and answers
 * what happened to each. workerd forbids `new Function`: all of it runs on precompiled validators.
 */
import { createClient, isRunwareError } from '@runware/sdk';

interface Env {
  RUNWARE_API_KEY: string;
  RUNWARE_BASE_URL: string;
  RUNWARE_SCHEMAS_URL: string;
}

/** Whether this runtime compiles code from strings, as runtime ajv would need. */
function codeGeneration(): string {
  try {
    new Function('return 1')();
    return 'allowed';
  } catch (error) {
    return `${(error as Error).name}: ${(error as Error).message}`;
  }
}

async function outcomeOf(call: Promise<unknown>) {
  try {
    await call;
    return { resolved: true };
  } catch (error) {
    if (!isRunwareError(error)) return { unexpected: String(error) };
    return {
      code: error.code,
      rawCode: error.rawCode,
      parameter: error.parameter,
      rules: error.validationErrors?.map((issue) => issue.rule),
    };
  }
}

export default {
  async fetch(_request: Request, env: Env): Promise<Response> {
    const warnings: string[] = [];
    try {
      const client = await createClient({
        apiKey: env.RUNWARE_API_KEY,
        httpBaseUrl: env.RUNWARE_BASE_URL,
        schemasBaseUrl: env.RUNWARE_SCHEMAS_URL,
        transport: 'rest',
        validate: true,
        debug: true,
        logSink: (entry) => {
          if (entry.category === 'warn') warnings.push(entry.message);
        },
      });
      try {
        const uuids = {
          curated: crypto.randomUUID(),
          utility: crypto.randomUUID(),
          generic: crypto.randomUUID(),
          valid: crypto.randomUUID(),
        };
        const curated = await outcomeOf(
          client.run({
            taskUUID: uuids.curated,
            model: 'runware:400@1',
            positivePrompt: 'A harbour at night',
            outputType: 'blob',
          } as never),
        );
        const utility = await outcomeOf(
          client.modelSearch({ taskUUID: uuids.utility, search: 'sdxl', category: 'checkpoint-xl' } as never),
        );
        // The official SDK's schema generic: a model outside the curated table, typed as sdxl.
        const generic = await outcomeOf(
          client.run<'sdxl'>({
            taskUUID: uuids.generic,
            taskType: 'imageInference',
            model: 'civitai:133005@782002',
            positivePrompt: 'A harbour at night',
            width: 'wide' as unknown as number,
            height: 1024,
          }),
        );
        const [image] = await client.run({
          taskUUID: uuids.valid,
          model: 'runware:400@1',
          positivePrompt: 'A harbour at night',
          width: 512,
          height: 512,
        });
        return Response.json({
          runtime: navigator.userAgent,
          codeGeneration: codeGeneration(),
          uuids,
          curated,
          utility,
          generic,
          valid: { taskUUID: image?.taskUUID, imageURL: image?.imageURL },
          warnings,
        });
      } finally {
        await client.close();
      }
    } catch (error) {
      return Response.json(
        { error: String(error), stack: (error as Error).stack, warnings },
        { status: 500 },
      );
    }
  },
};
