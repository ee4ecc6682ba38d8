import { describe, expect, it } from 'vitest';
import { checkValue, configFailure } from './config-checks';
import { defaultConfig } from './config-defaults';
import { configFields } from './config-fields';

describe('configFields', () => {
  it('gives defaultConfig every default, frozen, and nothing for the optional fields', () => {
    expect(Object.isFrozen(defaultConfig)).toBe(true);
    expect(Object.keys(defaultConfig)).toEqual(
      Object.keys(configFields).filter((name) => name !== 'logSink' && name !== 'userAgent'),
    );
    expect(defaultConfig).toMatchObject({
      transportType: 'websocket',
      maxReconnectAttempts: Infinity,
      debug: false,
    });
  });

  it('has defaults that pass their own checks unchanged', () => {
    for (const [name, [kind, fallback]] of Object.entries(configFields)) {
      if (fallback !== undefined) expect(checkValue(name, fallback, kind, configFailure([]))).toBe(fallback);
    }
  });
});
