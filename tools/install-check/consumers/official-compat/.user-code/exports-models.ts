// `models`: Record<AIR, { taskType, id }>, `id` the curated slug.
import { type ModelAIR, models } from '@runware/sdk';
import { type Check, check, equal, isString, ok } from './harness.js';

export const checks: Check[] = [
  check('export models › Record<AIR, { taskType, id }> with the curated slug as id', () => {
    const entry = models['runware:400@1'];
    equal(entry.taskType, 'imageInference', "models['runware:400@1'].taskType");
    equal(entry.id, 'bfl-flux-2-dev', "models['runware:400@1'].id");
    equal(models['google:gemma@4-31b'].taskType, 'textInference', "models['google:gemma@4-31b'].taskType");
    const airs = Object.keys(models) as ModelAIR[];
    ok(airs.length >= 350, `${airs.length} curated AIRs`);
    for (const air of airs) {
      ok(/^[^:@]+:[^:@]+@[^:@]+$/.test(air), `${air} is not an AIR`);
      isString(models[air].taskType, `models['${air}'].taskType`);
      isString(models[air].id, `models['${air}'].id`);
    }
  }),
];
