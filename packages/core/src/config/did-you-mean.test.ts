import { describe, expect, it } from 'vitest';
import { didYouMean, editDistance, suggestionSuffix } from './did-you-mean';

describe('editDistance', () => {
  it('counts insertions, deletions and substitutions', () => {
    expect(editDistance('', '')).toBe(0);
    expect(editDistance('abc', '')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('timeout', 'timeout')).toBe(0);
    expect(editDistance('flaw', 'lawn')).toBe(2);
    expect(editDistance('debug', 'debgu')).toBe(1);
    expect(editDistance('ab', 'ba')).toBe(1);
  });
});

describe('didYouMean', () => {
  const names = ['timeout', 'pollTimeout', 'authTimeout', 'maxRetries', 'retryDelay', 'debug'];

  it('ignores case, underscores and dashes', () => {
    expect(didYouMean('TIMEOUT', names)).toBe('timeout');
    expect(didYouMean('poll_timeout', names)).toBe('pollTimeout');
    expect(didYouMean('retry-delay', names)).toBe('retryDelay');
  });

  it('finds near misses and picks the closest', () => {
    expect(didYouMean('timout', names)).toBe('timeout');
    expect(didYouMean('authTimout', names)).toBe('authTimeout');
    expect(didYouMean('debgu', names)).toBe('debug');
  });

  it('finds a name contained in the input or containing it', () => {
    expect(didYouMean('retries', ['maxRetries', 'retryDelay'])).toBe('maxRetries');
    expect(didYouMean('requestTimeoutMs', ['timeout', 'debug'])).toBe('timeout');
  });

  it('uses aliases first and gives up on unrelated names', () => {
    expect(didYouMean('verbose', names, { verbose: 'debug' })).toBe('debug');
    expect(didYouMean('colour', names)).toBeUndefined();
    expect(didYouMean('x', names)).toBeUndefined();
  });

  it('knows habitual names, counted only where they name a candidate, in its spelling', () => {
    expect(didYouMean('baseUrl', ['httpBaseUrl', 'wsBaseUrl'])).toBe('httpBaseUrl');
    expect(didYouMean('ws', ['websocket', 'rest'])).toBe('websocket');
    expect(didYouMean('ws', ['fetch', 'WebSocket', 'files'])).toBe('WebSocket');
    expect(didYouMean('http', ['exponential', 'linear'])).toBeUndefined();
    expect(didYouMean('verbose', names, { loud: 'debug' })).toBeUndefined();
  });

  it('formats the suffix', () => {
    expect(suggestionSuffix('timeout')).toBe(' Did you mean "timeout"?');
    expect(suggestionSuffix(undefined)).toBe('');
  });
});
