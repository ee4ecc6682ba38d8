import { type ApiErrorItem, apiError } from '../api-error';
import { type MediaFormat, renderImage, sniffMedia } from '../media/index';
import { fnv1a, isUuid } from '../rng';
import type { TaskStore } from '../state/task-store';
import { finishItem, type JobInput, type JobPlan } from './job-types';
import { searchModels } from './model-search';
import { mediaUrl } from './output-fields';

export type UtilityOutcome =
  | { items: Record<string, unknown>[] }
  | { error: ApiErrorItem }
  | { plan: JobPlan };

function decodeMedia(value: string): Uint8Array | undefined {
  const match = /^data:[^;,]+;base64,(.*)$/s.exec(value);
  const base64 = match ? match[1] : value;
  if (!base64 || !/^[A-Za-z0-9+/=\s]+$/.test(base64)) return undefined;
  const bytes = new Uint8Array(Buffer.from(base64, 'base64'));
  return bytes.byteLength > 0 ? bytes : undefined;
}

/** Stores uploaded media given as a data URI, raw base64, a URL (kept by reference) or a UUID. */
function storeUpload(
  input: JobInput,
  value: unknown,
  parameter: string,
): { uuid: string; url: string } | ApiErrorItem {
  const { ctx, taskType, taskUUID } = input;
  const context = { taskType, taskUUID, parameter };
  if (typeof value !== 'string' || value === '')
    return apiError(
      `invalid${parameter.charAt(0).toUpperCase()}${parameter.slice(1)}`,
      `'${parameter}' must be a URL, data URI, base64 string or media UUID.`,
      context,
    );
  if (isUuid(value)) {
    const entry = ctx.media.get(value);
    return entry
      ? { uuid: entry.uuid, url: mediaUrl(ctx, entry.uuid, entry.format) }
      : apiError('mediaNotFound', `No media with UUID '${value}'.`, context);
  }
  if (/^https?:\/\//i.test(value)) {
    // Without network the emulator cannot download a URL; a placeholder image derived from it stands in.
    const bytes = renderImage({
      width: 512,
      height: 512,
      format: 'PNG',
      seed: fnv1a(value),
      prompt: value,
    });
    const entry = ctx.media.putUpload(bytes, 'PNG', { width: 512, height: 512 });
    return { uuid: entry.uuid, url: mediaUrl(ctx, entry.uuid, 'PNG') };
  }
  const bytes = decodeMedia(value);
  if (!bytes)
    return apiError(
      'invalidMedia',
      `'${parameter}' is neither a URL, a data URI, base64 nor a media UUID.`,
      context,
    );
  const sniffed = sniffMedia(bytes);
  const format: MediaFormat = sniffed.format ?? 'PNG';
  const entry = ctx.media.putUpload(bytes, format, { width: sniffed.width, height: sniffed.height });
  return { uuid: entry.uuid, url: mediaUrl(ctx, entry.uuid, format) };
}

function accountManagement(input: JobInput): UtilityOutcome {
  const { task, taskType, taskUUID } = input;
  const operation = task.operation as string;
  if (operation === 'getDetails') {
    return {
      items: [
        finishItem(
          input,
          {
            operation,
            organizationName: 'Emulated Organization',
            organizationUUID: '00000000-0000-4000-8000-000000000001',
            balance: { amount: 100, freeBalance: 0, currency: 'USD' },
            team: [
              {
                name: 'Emulator Owner',
                email: 'owner@example.invalid',
                roles: ['Owner'],
                joinedAt: '2026-01-01T00:00:00Z',
              },
            ],
            apiKeys: [{ apiKey: '••••', name: 'default', enabled: true, createdAt: '2026-01-01T00:00:00Z' }],
          },
          undefined,
        ),
      ],
    };
  }
  const start = Date.parse(String(task.startDate ?? ''));
  const end = Date.parse(String(task.endDate ?? ''));
  if (Number.isNaN(start) || Number.isNaN(end) || end < start) {
    return {
      error: apiError(
        'invalidDateRange',
        `'startDate' and 'endDate' must be dates with startDate ≤ endDate for ${operation}.`,
        { taskType, taskUUID, parameter: 'startDate' },
      ),
    };
  }
  if (end - start > 30 * 86_400_000) {
    return {
      error: apiError('invalidDateRange', 'Usage windows are at most 30 days.', {
        taskType,
        taskUUID,
        parameter: 'endDate',
      }),
    };
  }
  // Usage figures are this emulator's own counters, so they move as the caller sends tasks.
  const { stats } = input.ctx;
  const requests = stats.tasks.total;
  const totalErrors = Object.values(stats.errors).reduce((sum, n) => sum + n, 0);
  const window = { credits: 0, requests };
  const usage = {
    last7Days: window,
    last30Days: window,
    apiKey: {
      data: [
        { date: String(task.endDate), count: requests, spend: 0, clientErrors: totalErrors, serverErrors: 0 },
      ],
      meta: {
        totalRequests: requests,
        totalSpend: 0,
        totalErrors,
        errorRate: requests > 0 ? totalErrors / requests : 0,
      },
    },
  };
  return {
    items: [
      finishItem(input, { operation, startDate: task.startDate, endDate: task.endDate, usage }, undefined),
    ],
  };
}

/** modelUpload: status items over time, as the service reports them, ending in `ready` with the AIR. */
function modelUpload(input: JobInput): UtilityOutcome {
  const { ctx, task } = input;
  const statuses = ['validated', 'downloaded', 'optimized', 'stored', 'ready'] as const;
  const air =
    typeof task.air === 'string' && task.air !== ''
      ? task.air
      : `runware:upload-${input.taskUUID.slice(0, 8)}@${String(task.version ?? '1').replace(/[^A-Za-z0-9.-]/g, '-')}`;
  return {
    plan: {
      slots: statuses.length,
      reportsProgress: false,
      build(index) {
        const status = statuses[index] ?? 'ready';
        if (status === 'ready') {
          ctx.registry.add(
            {
              air,
              taskType: 'imageInference',
              name: String(task.name ?? air),
              architecture: String(task.architecture ?? ''),
              category: String(task.category ?? 'checkpoint'),
            },
            'uploaded',
          );
        }
        return finishItem(input, { status, message: `Model ${status}.`, air }, undefined);
      },
    },
  };
}

function getTaskDetails(input: JobInput, store: TaskStore, apiKey: string): UtilityOutcome {
  const { task, taskType, taskUUID } = input;
  const target = typeof task.taskUUID === 'string' ? task.taskUUID : '';
  const found = store.lookup(target, apiKey);
  if ('missing' in found) {
    const code = found.missing === 'expired' ? 'taskExpired' : 'taskNotFound';
    return {
      error: apiError(code, `No task ${target} in the archive.`, {
        taskType,
        taskUUID,
        parameter: 'taskUUID',
      }),
    };
  }
  const record = found.found;
  const data = record.slots.flatMap((slot) => (slot.state === 'success' ? [slot.item] : []));
  const errors = record.slots.flatMap((slot) =>
    slot.state === 'error' ? [{ ...slot.error, taskUUID: record.taskUUID, taskType: record.taskType }] : [],
  );
  return {
    items: [
      finishItem(
        input,
        { request: [record.request], response: errors.length > 0 ? { data, errors } : { data } },
        undefined,
      ),
    ],
  };
}

/** Runs a utility task. `getTaskDetails` reads the archive, so it takes the store and caller's key. */
export function runUtility(input: JobInput, apiKey: string): UtilityOutcome {
  const { ctx, task, taskType } = input;
  switch (taskType) {
    case 'modelSearch':
      return { items: [finishItem(input, searchModels(ctx.registry.searchable(), task), undefined)] };
    case 'modelUpload':
      return modelUpload(input);
    case 'imageUpload': {
      const stored = storeUpload(input, task.image, 'image');
      return 'code' in stored
        ? { error: stored }
        : { items: [finishItem(input, { imageUUID: stored.uuid, imageURL: stored.url }, undefined)] };
    }
    case 'mediaStorage': {
      if (task.operation === 'delete') {
        const media = String(task.media);
        if (!ctx.media.delete(media))
          return {
            error: apiError('mediaNotFound', `No media with UUID '${media}'.`, {
              taskType,
              taskUUID: input.taskUUID,
              parameter: 'media',
            }),
          };
        return { items: [finishItem(input, { operation: 'delete', mediaUUID: media }, undefined)] };
      }
      const stored = storeUpload(input, task.media, 'media');
      return 'code' in stored
        ? { error: stored }
        : {
            items: [
              finishItem(
                input,
                { operation: 'upload', mediaUUID: stored.uuid, mediaURL: stored.url },
                undefined,
              ),
            ],
          };
    }
    case 'accountManagement':
      return accountManagement(input);
    case 'getTaskDetails':
      return getTaskDetails(input, ctx.tasks, apiKey);
    default:
      return {
        error: apiError('unsupportedTaskType', `Unknown utility '${taskType}'.`, {
          taskType,
          taskUUID: input.taskUUID,
          parameter: 'taskType',
        }),
      };
  }
}
