import { describe, expect, it } from 'vitest';
import { checkParts } from './check-parts';

const transport = { send: async () => ({ data: [], errors: [] }), close: async () => {} };

const thrown = (fn: () => void) => {
  try {
    fn();
  } catch (error) {
    return error;
  }
  return undefined;
};

describe('checkParts', () => {
  it('accepts a transport with send and close, and leaves out what is optional', () => {
    expect(thrown(() => checkParts({ transport }))).toBeUndefined();
    expect(
      thrown(() =>
        checkParts({
          transport: { ...transport, stream: async () => new ReadableStream() },
          registry: {
            lookup: async () => undefined,
            taskTypeOfKey: async () => undefined,
            refresh: async () => {},
          },
          validator: { validate: async () => {}, clearCache: () => {} },
          content: () => ({}),
        }),
      ),
    ).toBeUndefined();
  });

  it.each([
    [{ transport: 0 }, 'transport'],
    [{ transport: undefined }, 'transport'],
    [{ transport: { send: transport.send } }, 'transport.close'],
    [{ transport: { ...transport, connect: 'now' } }, 'transport.connect'],
    [{ transport, streamTransport: null }, 'streamTransport'],
    [{ transport, registry: { lookup: () => {} } }, 'registry.taskTypeOfKey'],
    [{ transport, validator: [] }, 'validator.validate'],
    [{ transport, content: {} }, 'content'],
  ])('refuses %j naming %s', (parts, field) => {
    expect(thrown(() => checkParts(parts))).toMatchObject({
      code: 'validation',
      rawCode: 'invalidConfig',
      parameter: field,
    });
  });
});
