import { describe, expect, it } from 'vitest';
import { detectRuntime } from './runtime';
import { createSafeLog } from './safe-log';
import { abortedError, closedError, contextOf, timeoutError } from './transport-errors';

const key = 'rw-0123456789abcdef';

describe('createSafeLog', () => {
  it('redacts message and data with the one marker, and survives a throwing logger', () => {
    const lines: unknown[][] = [];
    const log = createSafeLog<'warn'>((...args) => lines.push(args), [key]);
    log('warn', `Invalid API key ${key}`, { header: `Bearer ${key}`, apiKey: 'x' });
    expect(lines).toEqual([['warn', 'Invalid API key ***', { header: 'Bearer ***', apiKey: '***' }]]);
    const throwing = createSafeLog<'warn'>(() => {
      throw new Error('sink down');
    }, [key]);
    expect(() => throwing('warn', 'x')).not.toThrow();
    expect(() => createSafeLog(undefined, [key])('warn', 'x')).not.toThrow();
  });
});

describe('transport error factories', () => {
  it('name the one task of a request, and nothing for a batch', () => {
    const one = [{ taskType: 'imageInference', taskUUID: 'u1' }];
    expect(contextOf(one)).toEqual({ taskType: 'imageInference', taskUUID: 'u1' });
    expect(contextOf([...one, { taskType: 'x', taskUUID: 'u2' }])).toEqual({});
    const aborted = abortedError(contextOf(one), 'why');
    expect(aborted).toMatchObject({ rawCode: 'aborted', taskUUID: 'u1', retryable: false, cause: 'why' });
    expect(timeoutError({}, 50, 2).message).toBe('No complete answer within 50 ms per attempt (2 attempts).');
    expect(timeoutError({}, 50).message).toBe('No complete answer within 50 ms.');
    expect(closedError({}, 'REST transport')).toMatchObject({ rawCode: 'disconnected' });
  });
});

describe('detectRuntime', () => {
  it('tells Node, Bun, Deno, browsers and edge runtimes apart', () => {
    expect(detectRuntime({ process: { versions: { node: '20.0.0' } } })).toBe('node');
    expect(detectRuntime({ process: { versions: { node: '20.0.0' } }, Bun: {} })).toBe('bun');
    expect(detectRuntime({ process: { versions: { node: '20.0.0' } }, Deno: {} })).toBe('deno');
    expect(detectRuntime({ document: {} })).toBe('browser');
    expect(detectRuntime({ importScripts: () => {} })).toBe('browser');
    expect(detectRuntime({})).toBe('edge');
  });
});
