import { createRunwareError } from '../errors/create-runware-error';
import type { RunwareError } from '../errors/runware-error';
import type { RawApiError, TaskPayload } from '../spec/task';

/** Turns a raw API error into a RunwareError, filling in what the API often leaves out. */
export function mapApiError(
  raw: RawApiError,
  task: TaskPayload | undefined,
  extra: { statusCode?: number | undefined; modelSlug?: string | undefined } = {},
): RunwareError {
  return createRunwareError(
    String(raw.code ?? 'unknownError'),
    String(raw.message ?? 'The API reported an error without a message.'),
    {
      parameter: raw.parameter,
      taskType: raw.taskType ?? task?.taskType,
      taskUUID: raw.taskUUID ?? task?.taskUUID,
      statusCode: extra.statusCode,
      documentation: raw.documentation,
      modelSlug: extra.modelSlug,
    },
  );
}
