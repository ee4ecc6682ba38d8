const envelopeFields = new Set(['taskType', 'taskUUID']);

const isPlainObject = (value: unknown): value is Record<string, unknown> => {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
};

function copy(value: unknown): unknown {
  if (Array.isArray(value)) return value.map((item) => (item === undefined ? null : copy(item)));
  if (!isPlainObject(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) if (item !== undefined) out[key] = copy(item);
  return out;
}

/**
 * The task as the server will see it after JSON: `undefined` properties dropped (and `undefined`
 * array items as `null`), so an unset option is not reported as a wrong type. Strings and other
 * leaves are shared, not copied, so large base64 inputs cost nothing. Optionally without the
 * envelope fields, for the closed utility schemas that do not list them.
 */
export function toWireShape(task: Record<string, unknown>, stripEnvelope: boolean): Record<string, unknown> {
  const out = copy(task) as Record<string, unknown>;
  if (stripEnvelope) for (const field of envelopeFields) delete out[field];
  return out;
}
