import { createRunwareError } from '../errors/create-runware-error';
import type { RunwareError } from '../errors/runware-error';
import type { RawApiError, TaskPayload } from '../spec/task';

/** What the engine knows about the call beside the raw error, so the error says where to read on. */
export interface ApiErrorExtra {
  statusCode?: number | undefined;
  /** The curated slug of the task's model: `documentation` points at the model's page. */
  modelSlug?: string | undefined;
  /** The task's model (AIR or slug), as the official SDK's `model` detail. */
  model?: string | undefined;
  /** The model's docs base URL from the schemas service (`/resolve`). */
  docsUrl?: string | undefined;
}

/**
 * Turns a raw API error into a RunwareError, filling in what the API often leaves out (the task's
 * type and UUID). The server's own `documentation` is not copied: the SDK derives it (§7).
 */
export function mapApiError(
  raw: Partial<RawApiError>,
  task: Partial<Pick<TaskPayload, 'taskType' | 'taskUUID'>> | undefined,
  extra: ApiErrorExtra = {},
): RunwareError {
  const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);
  return createRunwareError(
    String(raw.code ?? 'unknownError'),
    String(raw.message ?? 'The API reported an error without a message.'),
    {
      parameter: raw.parameter,
      taskType: text(raw.taskType) ?? task?.taskType,
      taskUUID: text(raw.taskUUID) ?? task?.taskUUID,
      statusCode: extra.statusCode,
      modelSlug: extra.modelSlug,
      model: extra.model,
      docsUrl: extra.docsUrl,
    },
  );
}
