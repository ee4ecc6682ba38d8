import { compileSchema, withDocs } from './compile-schema';
import { header } from './emit-common';
import { requestParamDocs, resultFieldDocs } from './param-docs';
import type { Plan } from './plan';
import { withPrimaryOutputUrlRequired } from './primary-output-url';
import type { SchemaSection } from './snapshot';

const sectionTitles: Record<SchemaSection, string> = {
  architectures: 'Params and Result of every model architecture (keys of SchemaMap).',
  modalities: 'Params and Result of every modality, the general schema of each inference task type.',
  operations: 'Params and Result of every operation: upscale, captioning, masking, training, …',
  utilities: 'Params and Result of every utility task (keys of UtilityMap).',
};

/** One file per snapshot section with an interface pair per entry. */
export async function emitSectionTypes(plan: Plan, section: SchemaSection): Promise<string> {
  const entries = plan.types.filter((t) => t.section === section);
  const blocks = await Promise.all(
    entries.map(async (t) => {
      const params = await compileSchema(withDocs(t.entry.requestSchema, requestParamDocs), t.paramsName);
      const result = await compileSchema(
        withDocs(withPrimaryOutputUrlRequired(t.entry.responseSchema), resultFieldDocs),
        t.resultName,
      );
      const where = `${section}[${JSON.stringify(t.key)}], taskType ${JSON.stringify(t.taskType)}`;
      return `/** Request parameters of ${where}. */\n${params}\n\n/** One result item of ${where}. */\n${result}`;
    }),
  );
  return `${header(plan.snapshot, sectionTitles[section])}\n${blocks.join('\n\n')}\n`;
}
