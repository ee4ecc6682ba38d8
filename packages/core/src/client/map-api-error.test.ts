import { describe, expect, it } from 'vitest';
import { mapApiError } from './map-api-error';

const task = { taskType: 'imageInference', taskUUID: 'task-1' };

describe('mapApiError', () => {
  it('fills taskType and taskUUID from the task when the API leaves them out', () => {
    const error = mapApiError({ code: 'invalidWidth', message: 'w', parameter: 'width' }, task, {
      statusCode: 400,
    });
    expect(error).toMatchObject({
      code: 'validation',
      rawCode: 'invalidWidth',
      taskType: 'imageInference',
      taskUUID: 'task-1',
      statusCode: 400,
      parameter: 'width',
    });
  });

  it('derives documentation from the model instead of copying the server URL', () => {
    const raw = {
      code: 'invalidWidth',
      message: 'w',
      parameter: 'width',
      documentation: 'https://runware.ai/docs/platform/errors#invalidwidth',
    };
    expect(mapApiError(raw, task, { modelSlug: 'bfl-flux-1-dev' }).documentation).toBe(
      'https://runware.ai/docs/models/bfl-flux-1-dev#request-width',
    );
    expect(
      mapApiError(raw, task, { docsUrl: 'https://runware.ai/docs/models/community' }).documentation,
    ).toBe('https://runware.ai/docs/models/community#request-width');
    expect(mapApiError(raw, task).documentation).toBe('https://runware.ai/docs/platform/errors');
  });

  it('points a utility error at the utility page', () => {
    const error = mapApiError(
      { code: 'invalidMedia', message: 'm', parameter: 'media' },
      {
        taskType: 'mediaStorage',
        taskUUID: 'u',
      },
    );
    expect(error.documentation).toBe('https://runware.ai/docs/platform/media-storage#request-media');
  });

  it('survives a malformed error object', () => {
    const error = mapApiError({ taskUUID: '', parameter: 7 } as never, task);
    expect(error).toMatchObject({ rawCode: 'unknownError', taskUUID: 'task-1', parameter: undefined });
    expect(error.message).toContain('without a message');
  });
});
