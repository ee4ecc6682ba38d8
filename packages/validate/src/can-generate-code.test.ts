import { afterEach, describe, expect, it, vi } from 'vitest';
import { forbidCodeGeneration } from '../test/support/forbid-code-generation';
import { canGenerateCode } from './can-generate-code';

describe('canGenerateCode', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('is true where new Function works (Node)', () => {
    expect(canGenerateCode()).toBe(true);
  });

  it('is false where new Function throws, as workerd and a strict CSP make it', () => {
    forbidCodeGeneration();
    expect(canGenerateCode()).toBe(false);
  });
});
