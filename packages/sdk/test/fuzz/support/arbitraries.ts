/**
 * Generators of hostile content. Frames are generated as small descriptions (so a shrunk
 * counterexample reads well) and rendered against the live context (the real taskUUIDs, the key).
 */
import fc from 'fast-check';
import type { ScriptContext } from './hostile-server';

const protoKeys = ['__proto__', 'constructor', 'prototype'] as const;

/** How a frame names its task. `real` names a pending real task; the others are forged/foreign. */
export type UuidRef =
  | { real: true }
  | {
      forged:
        | 'upper'
        | 'space'
        | 'prefix'
        | 'suffix'
        | 'array'
        | 'object'
        | 'number'
        | 'null'
        | 'empty'
        | 'truncated';
    }
  | { foreign: string }
  | { none: true };

export const forgedUuid: fc.Arbitrary<UuidRef> = fc.oneof(
  fc.record({
    forged: fc.constantFrom(
      'upper',
      'space',
      'prefix',
      'suffix',
      'array',
      'object',
      'number',
      'null',
      'empty',
      'truncated',
    ) as fc.Arbitrary<'upper'>,
  }),
  fc.record({
    foreign: fc.oneof(
      fc.uuid(),
      fc.constantFrom(...protoKeys, 'toString', 'hasOwnProperty', 'valueOf', 'then', 'authentication'),
      fc.string({ maxLength: 8 }),
    ),
  }),
  fc.constant({ none: true as const }),
);

export const anyUuid: fc.Arbitrary<UuidRef> = fc.oneof(fc.constant({ real: true as const }), forgedUuid);

export function renderUuid(ref: UuidRef, real: string): unknown {
  if ('real' in ref) return real;
  if ('foreign' in ref) return ref.foreign;
  if ('none' in ref) return undefined;
  switch (ref.forged) {
    case 'upper':
      return real.toUpperCase() === real ? real.replace(/[0-9]/, 'F') : real.toUpperCase();
    case 'space':
      return ` ${real}`;
    case 'prefix':
      return `x${real}`;
    case 'suffix':
      return `${real}0`;
    case 'array':
      return [real];
    case 'object':
      return { toString: real, valueOf: real, taskUUID: real };
    case 'number':
      return 42;
    case 'null':
      return null;
    case 'empty':
      return '';
    case 'truncated':
      return real.slice(0, -1);
  }
}

/** A value of a wrong or nasty type, for any field. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    null,
    true,
    false,
    0,
    -1,
    1e308,
    -0,
    '',
    'NaN',
    '__proto__',
    [],
    {},
    '<html>',
    'javascript:alert(1)',
    'http://127.0.0.1:1/forged.png',
  ),
  fc.string({ maxLength: 20 }),
  fc.integer(),
  fc.double(),
  fc.jsonValue({ maxDepth: 3 }),
);

export type HostileFrame =
  | { t: 'item'; uuid: UuidRef; taskType: unknown; fields: Record<string, unknown> }
  | {
      t: 'error';
      uuid: UuidRef;
      envelope: 'errors' | 'error' | 'errorArray' | 'legacy';
      code: unknown;
      message: unknown;
      quoteKey: boolean;
    }
  | { t: 'proto'; key: (typeof protoKeys)[number]; where: 'top' | 'data' | 'item' | 'error'; uuid: UuidRef }
  | { t: 'deep'; depth: number; kind: 'array' | 'object' | 'inItem' | 'inError'; uuid: UuidRef }
  | { t: 'text'; text: string }
  | { t: 'binary'; bytes: number[]; jsonOf?: UuidRef }
  | { t: 'auth'; sessionId: unknown }
  | { t: 'envelope'; body: unknown }
  | { t: 'huge'; uuid: UuidRef; kb: number };

const itemFields = fc.dictionary(
  fc.constantFrom(
    'imageURL',
    'imageUUID',
    'status',
    'progress',
    'error',
    'cost',
    'seed',
    'NSFWContent',
    'text',
    'delta',
    'finishReason',
    'taskType',
    'resultIndex',
    'connectionSessionUUID',
    ...protoKeys,
  ),
  hostileValue,
  { maxKeys: 5 },
);

export function hostileFrame(
  uuid: fc.Arbitrary<UuidRef>,
  quoteKey: fc.Arbitrary<boolean> = fc.boolean(),
): fc.Arbitrary<HostileFrame> {
  return fc.oneof(
    fc.record({
      t: fc.constant('item' as const),
      uuid,
      taskType: fc.oneof(
        fc.constantFrom('imageInference', 'textInference', 'getResponse', 'ping', 'authentication'),
        hostileValue,
      ),
      fields: itemFields,
    }),
    fc.record({
      t: fc.constant('error' as const),
      uuid,
      envelope: fc.constantFrom('errors', 'error', 'errorArray', 'legacy') as fc.Arbitrary<'errors'>,
      code: fc.oneof(
        fc.constantFrom(
          'invalidApiKey',
          'providerTimeout',
          'taskNotFound',
          'rateLimitExceeded',
          'aborted',
          '__proto__',
          'constructor',
        ),
        hostileValue,
      ),
      message: hostileValue,
      quoteKey,
    }),
    fc.record({
      t: fc.constant('proto' as const),
      key: fc.constantFrom(...protoKeys),
      where: fc.constantFrom('top', 'data', 'item', 'error') as fc.Arbitrary<'top'>,
      uuid,
    }),
    fc.record({
      t: fc.constant('deep' as const),
      depth: fc.constantFrom(50, 1000, 5000, 20_000, 200_000),
      kind: fc.constantFrom('array', 'object', 'inItem', 'inError') as fc.Arbitrary<'array'>,
      uuid,
    }),
    fc.record({
      t: fc.constant('text' as const),
      text: fc.oneof(
        fc.string({ maxLength: 30 }),
        fc.constantFrom(
          '',
          'null',
          '[]',
          '"x"',
          '42',
          '{',
          '{"data":',
          '{"data":null}',
          '{"data":{}}',
          '{"errors":{}}',
          '{"errors":"boom"}',
          '{"error":null}',
          '[{"taskUUID":"x"}]',
          '\u0000',
          '\ud800',
        ),
        fc.json({ maxDepth: 3 }),
      ),
    }),
    fc.record({
      t: fc.constant('binary' as const),
      bytes: fc.array(fc.integer({ min: 0, max: 255 }), { maxLength: 16 }),
      jsonOf: fc.option(uuid, { nil: undefined }),
    }),
    fc.record({ t: fc.constant('auth' as const), sessionId: hostileValue }),
    fc.record({
      t: fc.constant('envelope' as const),
      body: fc.record(
        { data: hostileValue, errors: hostileValue, error: hostileValue },
        { requiredKeys: [] },
      ),
    }),
    fc.record({ t: fc.constant('huge' as const), uuid, kb: fc.constantFrom(64, 1024, 8192) }),
  );
}

const put = (target: Record<string, unknown>, key: string, value: unknown) => {
  if (value !== undefined) target[key] = value;
};

function deepText(depth: number, kind: 'array' | 'object'): string {
  return kind === 'array'
    ? `${'['.repeat(depth)}${']'.repeat(depth)}`
    : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
}

/** Renders one frame for the task `real` (a real pending taskUUID) as the wire text or bytes. */
export function renderFrame(frame: HostileFrame, ctx: ScriptContext): string | Uint8Array {
  const real = ctx.taskUUIDs[0] ?? ctx.allTaskUUIDs[0] ?? '00000000-0000-4000-8000-000000000000';
  const uuidOf = (ref: UuidRef) => renderUuid(ref, real);
  switch (frame.t) {
    case 'item': {
      const item: Record<string, unknown> = {};
      put(item, 'taskType', frame.taskType);
      put(item, 'taskUUID', uuidOf(frame.uuid));
      for (const [k, v] of Object.entries(frame.fields))
        Object.defineProperty(item, k, { value: v, enumerable: true, writable: true, configurable: true });
      return JSON.stringify({ data: [item] });
    }
    case 'error': {
      const message = frame.quoteKey
        ? `Invalid API key: ${ctx.apiKey} (${String(frame.message)})`
        : frame.message;
      const err: Record<string, unknown> = { code: frame.code, message, parameter: 'apiKey' };
      if (frame.quoteKey) err.apiKey = ctx.apiKey;
      put(err, 'taskUUID', uuidOf(frame.uuid));
      switch (frame.envelope) {
        case 'errors':
          return JSON.stringify({ errors: [err] });
        case 'error':
          return JSON.stringify({ error: err, taskUUID: uuidOf(frame.uuid) });
        case 'errorArray':
          return JSON.stringify({ error: [err] });
        case 'legacy':
          return JSON.stringify({
            error: true,
            errorId: 19,
            errorMessage: message,
            taskUUID: uuidOf(frame.uuid),
          });
      }
      break;
    }
    case 'proto': {
      const u = JSON.stringify(uuidOf(frame.uuid) ?? null);
      const payload = `{"polluted":"yes","imageURL":"http://forged.invalid/x.png","taskUUID":${u},"code":"forged"}`;
      const k = JSON.stringify(frame.key);
      switch (frame.where) {
        case 'top':
          return `{${k}:{"data":[{"taskType":"imageInference","taskUUID":${u},"imageURL":"http://forged.invalid/p.png"}]},"data":[]}`;
        case 'data':
          return `{"data":{${k}:${payload},"length":1,"0":${payload}}}`;
        case 'item':
          return `{"data":[{"taskType":"imageInference","taskUUID":${u},${k}:${payload}}]}`;
        case 'error':
          return `{"errors":[{"code":"invalidApiKey","message":"m","taskUUID":${u},${k}:${payload}}],${k}:${payload}}`;
      }
      break;
    }
    case 'deep': {
      const u = JSON.stringify(uuidOf(frame.uuid) ?? null);
      const nest = deepText(
        frame.depth,
        frame.kind === 'array' || frame.kind === 'inItem' ? 'array' : 'object',
      );
      if (frame.kind === 'array' || frame.kind === 'object') return nest;
      if (frame.kind === 'inItem')
        return `{"data":[{"taskType":"imageInference","taskUUID":${u},"imageURL":${nest},"deep":${nest}}]}`;
      return `{"errors":[{"code":"providerError","message":${nest},"parameter":${nest},"taskUUID":${u}}]}`;
    }
    case 'text':
      return frame.text;
    case 'binary': {
      if (frame.jsonOf)
        return new TextEncoder().encode(
          JSON.stringify({
            data: [
              {
                taskType: 'imageInference',
                taskUUID: uuidOf(frame.jsonOf),
                imageURL: 'http://forged.invalid/b.png',
              },
            ],
          }),
        );
      return Uint8Array.from(frame.bytes);
    }
    case 'auth':
      return JSON.stringify({
        data: [{ taskType: 'authentication', connectionSessionUUID: frame.sessionId }],
      });
    case 'envelope':
      return JSON.stringify(frame.body) ?? 'undefined';
    case 'huge':
      return JSON.stringify({
        data: [
          { taskType: 'imageInference', taskUUID: uuidOf(frame.uuid), imageURL: 'x'.repeat(frame.kb * 1024) },
        ],
      });
  }
  return '';
}

/** Turns `body` text (a JSON answer) into an SSE body: one `data:` line per line. */
export const asSse = (lines: string[], done: boolean): string =>
  `${lines.map((l) => `data: ${l.replace(/\n/g, ' ')}`).join('\n\n')}\n\n${done ? 'data: [DONE]\n\n' : ''}`;
