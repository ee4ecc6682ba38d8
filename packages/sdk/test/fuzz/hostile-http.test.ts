/**
 * Hostile HTTP answers: REST task answers, SSE streams and content-service answers replaced by
 * generated hostile content (not JSON, deep nesting, prototype keys, wrong types, binary,
 * endless or cut bodies, errors quoting the API key).
 */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { anyUuid, asSse, type HostileFrame, hostileFrame, renderFrame } from './support/arbitraries';
import {
  asCase,
  CALL_TIMEOUT_MS,
  checkSettled,
  imageTask,
  SETTLE_WITHIN_MS,
  useFixture,
} from './support/fixture';
import { fuzzParams, testTimeout, timed } from './support/fuzz-config';
import { settles } from './support/guards';
import type { HttpAnswer, ScriptContext } from './support/hostile-server';

const fixture = useFixture();

type BodyShape =
  | { b: 'frame'; frame: HostileFrame }
  | { b: 'endless'; prefix: 'json' | 'sse' | 'none' }
  | { b: 'cut'; frame: HostileFrame }
  | { b: 'binary'; bytes: number[] }
  | { b: 'empty' }
  | { b: 'redirectLoop' };

interface AnswerShape {
  status: number;
  contentType: 'application/json' | 'text/html' | 'text/event-stream' | 'application/octet-stream' | 'none';
  body: BodyShape;
  delayMs: number;
}

const bodyShape: fc.Arbitrary<BodyShape> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      b: fc.constant('frame' as const),
      frame: hostileFrame(anyUuid, fc.constant(false)),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      b: fc.constant('endless' as const),
      prefix: fc.constantFrom('json', 'sse', 'none') as fc.Arbitrary<'json'>,
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      b: fc.constant('cut' as const),
      frame: hostileFrame(anyUuid, fc.constant(false)),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      b: fc.constant('binary' as const),
      bytes: fc.array(fc.integer({ min: 0, max: 255 }), { maxLength: 32 }),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ b: 'empty' as const }) },
  { weight: 1, arbitrary: fc.constant({ b: 'redirectLoop' as const }) },
);

const answerShape: fc.Arbitrary<AnswerShape> = fc.record({
  status: fc.constantFrom(200, 200, 200, 201, 204, 400, 401, 403, 404, 408, 429, 500, 502, 503),
  contentType: fc.constantFrom(
    'application/json',
    'text/html',
    'text/event-stream',
    'application/octet-stream',
    'none',
  ) as fc.Arbitrary<'none'>,
  body: bodyShape,
  delayMs: fc.constantFrom(0, 0, 0, 30),
});

function renderAnswer(shape: AnswerShape, ctx: ScriptContext, sse: boolean): HttpAnswer {
  const headers: Record<string, string> =
    shape.contentType === 'none' ? {} : { 'content-type': shape.contentType };
  const text = (frame: HostileFrame) => {
    const out = renderFrame(frame, ctx);
    if (typeof out !== 'string') return Buffer.from(out);
    return sse ? asSse([out], frame.t !== 'text') : out;
  };
  const base = { status: shape.status, headers, delayMs: shape.delayMs };
  switch (shape.body.b) {
    case 'frame':
      return { ...base, body: text(shape.body.frame) };
    case 'cut': {
      const whole = text(shape.body.frame);
      const half =
        typeof whole === 'string'
          ? whole.slice(0, Math.ceil(whole.length / 2))
          : whole.subarray(0, Math.ceil(whole.length / 2));
      return {
        ...base,
        body: half,
        destroyAfter: true,
        headers: { ...headers, 'content-length': String(whole.length * 2 + 10) },
      };
    }
    case 'endless':
      return {
        ...base,
        endless: true,
        body:
          shape.body.prefix === 'sse'
            ? `data: {"taskType":"textInference","taskUUID":"${ctx.taskUUIDs[0] ?? ''}","delta":{"text":"x"}}\n\n`
            : shape.body.prefix === 'json'
              ? '[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[['
              : ' ',
      };
    case 'binary':
      return { ...base, body: Uint8Array.from(shape.body.bytes) };
    case 'empty':
      return { ...base, body: '' };
    case 'redirectLoop':
      return { status: 307, headers: { location: '/v1' }, body: '' };
  }
}

const methods = [
  'run',
  'runBatch',
  'modelSearch',
  'imageUpload',
  'mediaStorage',
  'getTaskDetails',
  'getResponse',
  'accountManagement',
  'modelUpload',
] as const;
type Method = (typeof methods)[number];

function callOf(
  client: Awaited<ReturnType<typeof fixture.client>>,
  method: Method,
  delivery: 'sync' | 'async',
) {
  const opts = { timeout: CALL_TIMEOUT_MS };
  switch (method) {
    case 'run':
      return () => client.run(imageTask(delivery), opts);
    case 'runBatch':
      return () => client.runBatch([imageTask(delivery), imageTask(delivery)], opts);
    case 'modelSearch':
      return () => client.modelSearch({ search: 'flux' } as never, opts);
    case 'imageUpload':
      return () => client.imageUpload({ image: 'https://example.invalid/a.png' } as never, opts);
    case 'mediaStorage':
      return () =>
        client.mediaStorage(
          { operation: 'upload', media: 'data:image/png;base64,iVBORw0KGgo=' } as never,
          opts,
        );
    case 'getTaskDetails':
      return () => client.getTaskDetails({ taskUUID: crypto.randomUUID() }, opts);
    case 'getResponse':
      return () => client.getResponse({ taskUUID: crypto.randomUUID() }, opts);
    case 'accountManagement':
      return () => client.accountManagement({ operation: 'getDetails' } as never, opts);
    case 'modelUpload':
      return () =>
        client.modelUpload(
          {
            category: 'checkpoint',
            air: 'fuzz:1@1',
            downloadURL: 'https://example.invalid/m.safetensors',
          } as never,
          opts,
        );
  }
}

describe('fuzz: hostile REST answers (rest transport)', () => {
  it(
    'run, runBatch and every utility call settle, reject only with clean RunwareErrors, no uncaught error, prototypes untouched',
    async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...methods),
          fc.constantFrom('sync', 'async') as fc.Arbitrary<'sync' | 'async'>,
          answerShape,
          fc.boolean(),
          timed(5000, async (method, delivery, shape, onlyFirst) => {
            await asCase(fixture, async () => {
              let answered = 0;
              fixture.server.script({
                // Either every request (retries, polls) is hostile, or only the first one.
                http: (ctx) => (onlyFirst && answered++ > 0 ? undefined : renderAnswer(shape, ctx, false)),
              });
              const client = await fixture.client('rest');
              const o = await settles(method, callOf(client, method, delivery), SETTLE_WITHIN_MS);
              checkSettled(method, o, fixture.server.apiKey);
            });
          }),
        ),
        fuzzParams(60, 5000),
      );
      fixture.assertNoStrays();
    },
    testTimeout(5000),
  );
});

describe('fuzz: hostile SSE answers to stream()', () => {
  for (const transport of ['rest', 'websocket'] as const) {
    it(
      `${transport} client: stream() and its consumers settle, reject only with clean RunwareErrors, no uncaught error`,
      async () => {
        await fc.assert(
          fc.asyncProperty(
            answerShape,
            fc.array(hostileFrame(anyUuid, fc.constant(false)), { maxLength: 4 }),
            fc.constantFrom('text', 'reasoning', 'textAll', 'result', 'abandon') as fc.Arbitrary<'text'>,
            timed(4000, async (shape, extra, consume) => {
              await asCase(fixture, async () => {
                fixture.server.script({
                  http: (ctx) => {
                    const answer = renderAnswer(shape, ctx, true);
                    if (extra.length === 0 || answer.endless || typeof answer.body !== 'string')
                      return answer;
                    const lines = extra
                      .map((f) => renderFrame(f, ctx))
                      .filter((l): l is string => typeof l === 'string');
                    return { ...answer, body: asSse(lines, false) + answer.body };
                  },
                });
                const client = await fixture.client(transport);
                const params = {
                  taskType: 'textInference',
                  model: 'minimax:m2.7@0',
                  messages: [{ role: 'user', content: 'hi' }],
                  deliveryMethod: 'stream',
                } as never;
                const o = await settles(
                  'stream',
                  async () => {
                    // The stream timeout covers only its start: an endless stream ends with the signal.
                    const signal = AbortSignal.timeout(2 * CALL_TIMEOUT_MS);
                    const stream = await client.stream(params, { timeout: CALL_TIMEOUT_MS, signal });
                    const s = stream as unknown as Record<string, unknown>;
                    const iterate = async (it: unknown) => {
                      for await (const _ of it as AsyncIterable<unknown>) {
                      }
                    };
                    if (consume === 'text') await iterate(s.textStream ?? stream);
                    else if (consume === 'reasoning') await iterate(s.reasoningStream ?? stream);
                    else if (consume === 'textAll') await (s.text as () => Promise<unknown>)?.call(stream);
                    else if (consume === 'result') await (s.result as () => Promise<unknown>)?.call(stream);
                    return stream;
                  },
                  SETTLE_WITHIN_MS,
                );
                checkSettled('stream', o, fixture.server.apiKey);
              });
            }),
          ),
          fuzzParams(40, 4000),
        );
        fixture.assertNoStrays();
      },
      testTimeout(4000),
    );
  }
});

describe('fuzz: hostile content-service answers', () => {
  const contentCalls = [
    'listModels',
    'listModelsPaged',
    'getModel',
    'getModelExamples',
    'getModelPricing',
    'getModelGuides',
    'listCollections',
    'getCollection',
    'listCapabilities',
    'listCreators',
    'getCreator',
  ] as const;
  it(
    'every content call settles, rejects only with clean RunwareErrors, no uncaught error, prototypes untouched',
    async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...contentCalls),
          answerShape,
          fc.constantFrom<'rest' | 'websocket'>('rest', 'websocket'),
          timed(4000, async (call, shape, transport) => {
            await asCase(fixture, async () => {
              fixture.server.script({
                content: () =>
                  renderAnswer(
                    shape,
                    { taskUUIDs: [], allTaskUUIDs: [], apiKey: fixture.server.apiKey },
                    false,
                  ),
              });
              const client = await fixture.client(transport);
              const c = client.content;
              const run = () => {
                switch (call) {
                  case 'listModels':
                    return c.listModels();
                  case 'listModelsPaged':
                    return c.listModels({ paginate: true, limit: 5 });
                  case 'getModel':
                    return c.getModel('runware:400@1');
                  case 'getModelExamples':
                    return c.getModelExamples('runware:400@1');
                  case 'getModelPricing':
                    return c.getModelPricing('runware:400@1');
                  case 'getModelGuides':
                    return c.getModelGuides('runware:400@1');
                  case 'listCollections':
                    return c.listCollections();
                  case 'getCollection':
                    return c.getCollection('x');
                  case 'listCapabilities':
                    return c.listCapabilities();
                  case 'listCreators':
                    return c.listCreators();
                  case 'getCreator':
                    return c.getCreator('x');
                }
              };
              // The content client has no timeout of its own by default: an endless body may only
              // end with the client; the call must still settle once the client is closed.
              const pending = settles(call, run, SETTLE_WITHIN_MS);
              const o = await pending;
              checkSettled(call, o, fixture.server.apiKey);
            });
          }),
        ),
        fuzzParams(40, 4000),
      );
      fixture.assertNoStrays();
    },
    testTimeout(4000),
  );
});
