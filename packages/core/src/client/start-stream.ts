import { createRunwareError } from '../errors/create-runware-error';
import { isRunwareError } from '../errors/runware-error';
import type { RegistryV1 } from '../spec/registry-v1';
import type { TransportV1 } from '../spec/transport-v1';
import type { ValidatorV1 } from '../spec/validator-v1';
import { abortedError, contextOf } from '../transport-kit/transport-errors';
import { prepareTask } from './prepare-task';
import type { StreamOptions } from './run-options';
import { createTextStream, defaultStreamIdleTimeoutMs, type TextStream } from './text-stream';

export interface StreamContext {
  streamTransport: () => TransportV1;
  registry: RegistryV1 | undefined;
  validator: ValidatorV1 | undefined;
  validate: boolean;
  /** config.streamIdleTimeout: ms without a data event before a stream fails. Default 120 000. */
  streamIdleTimeout?: number | undefined;
}

/** The idle timeout of one stream: the call's, else the client's, else the default. */
function idleTimeoutOf(ctx: StreamContext, options: StreamOptions): number {
  const perCall = (options as { streamIdleTimeout?: unknown }).streamIdleTimeout;
  for (const value of [perCall, ctx.streamIdleTimeout])
    if (typeof value === 'number' && value > 0) return value;
  return defaultStreamIdleTimeoutMs;
}

/** `stream()`: one textInference task with deliveryMethod stream, read as Server-Sent Events. */
export async function startStream(
  ctx: StreamContext,
  params: Record<string, unknown>,
  options: StreamOptions,
): Promise<TextStream> {
  const n = params.numberResults;
  if (n !== undefined && n !== 1) {
    // Stream chunks carry no result index, so several completions could not be told apart.
    throw createRunwareError(
      'invalidNumberResults',
      'stream() supports numberResults: 1 only; use run() for several completions.',
      { parameter: 'numberResults' },
    );
  }
  const { payload, modelSlug } = await prepareTask(params, { registry: ctx.registry });
  if (payload.taskType !== 'textInference') {
    throw createRunwareError(
      'unsupportedTaskType',
      `stream() streams textInference; model '${String(payload.model)}' runs ${payload.taskType}. Use run().`,
      {
        parameter: 'model',
        taskType: payload.taskType,
        modelSlug,
      },
    );
  }
  payload.deliveryMethod = 'stream';
  const outcome =
    (options.validate ?? ctx.validate)
      ? await ctx.validator?.validate(payload, {
          taskType: payload.taskType,
          model: typeof payload.model === 'string' ? payload.model : undefined,
        })
      : undefined;
  const docsUrl = outcome?.documentation;
  if (options.signal?.aborted) throw abortedError(contextOf([payload]));
  const transport = ctx.streamTransport();
  if (!transport.stream) {
    throw createRunwareError(
      'streamUnsupported',
      `The ${transport.name} transport cannot stream; give the client a streaming transport.`,
      { taskType: payload.taskType },
    );
  }
  const body = await transport
    .stream(payload, { signal: options.signal, timeoutMs: options.timeout })
    .catch((error: unknown) => {
      // The transport does not know the model's slug: link the server's error to the model's page.
      throw (modelSlug || docsUrl) && isRunwareError(error) && error.statusCode !== undefined
        ? createRunwareError(error.rawCode, error.message, {
            ...error,
            modelSlug,
            docsUrl,
            cause: error.cause,
          })
        : error;
    });
  return createTextStream(body, payload, options.signal, {
    idleTimeoutMs: idleTimeoutOf(ctx, options),
    modelSlug,
    docsUrl,
  });
}
