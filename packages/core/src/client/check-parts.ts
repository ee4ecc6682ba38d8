import { describeValue, expectValue, type Fail } from '../config/config-checks';
import { createRunwareError } from '../errors/create-runware-error';

const fail: Fail = (field, message) => {
  throw createRunwareError('invalidConfig', message, { parameter: field });
};

/** The methods each injectable part must have (optional ones are checked only when present). */
const shapes = {
  transport: { required: ['send', 'close'], optional: ['stream', 'connect', 'isConnected'] },
  streamTransport: { required: ['send', 'close'], optional: ['stream', 'connect', 'isConnected'] },
  registry: { required: ['lookup', 'taskTypeOfKey', 'refresh'], optional: [] },
  validator: { required: ['validate', 'clearCache'], optional: [] },
} as const;

/**
 * The parts a client is built from (transport, registry, validator, content), checked when the
 * client is created: a wrong one (`transport: 0`, a registry without `lookup`) is an
 * `invalidConfig` error naming it, not a TypeError at the first call or at `close()`.
 */
export function checkParts(parts: Partial<Record<keyof typeof shapes | 'content', unknown>>): void {
  for (const [name, shape] of Object.entries(shapes)) {
    const part = parts[name as keyof typeof shapes];
    if (part === undefined && name !== 'transport') continue;
    const object = expectValue<Record<string, unknown>>(
      name,
      part,
      typeof part === 'object' && part !== null,
      `an object implementing ${name === 'streamTransport' ? 'transport' : name}V1`,
      fail,
    );
    for (const method of [...shape.required, ...shape.optional]) {
      const value = object[method];
      const optional = (shape.optional as readonly string[]).includes(method);
      if (optional && value === undefined) continue;
      expectValue(`${name}.${method}`, value, typeof value === 'function', 'a function', fail);
    }
  }
  if (parts.content !== undefined && typeof parts.content !== 'function')
    fail('content', `content must be a function (createContentClient), got ${describeValue(parts.content)}.`);
}
