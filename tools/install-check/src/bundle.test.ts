import { describe, expect, it } from 'vitest';
import { importSpecifiers, packageOfInput } from './bundle';

describe('bundle inspection', () => {
  it('names the package of an esbuild input, scoped or not, and nothing for app files', () => {
    expect(packageOfInput('node_modules/@runware/core/dist/index.js')).toBe('@runware/core');
    expect(packageOfInput('../x/node_modules/ws/browser.js')).toBe('ws');
    expect(packageOfInput('node_modules/a/node_modules/undici/index.js')).toBe('undici');
    expect(packageOfInput('scenario.ts')).toBeUndefined();
  });

  it('finds literal import and require specifiers, not variable ones', () => {
    const code = `import{a}from"node:fs";import"x";const r=require("http");await import('ws');const n='undici';import(n)`;
    expect(importSpecifiers(code)).toEqual(['http', 'node:fs', 'ws', 'x']);
  });
});
