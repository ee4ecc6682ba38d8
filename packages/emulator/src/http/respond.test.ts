import { describe, expect, it } from 'vitest';
import { isLoopbackAddress } from './respond';

describe('isLoopbackAddress (guards the control API)', () => {
  it.each(['127.0.0.1', '127.4.5.6', '::1', '::ffff:127.0.0.1'])('accepts %s', (address) => {
    expect(isLoopbackAddress(address)).toBe(true);
  });
  it.each(['10.0.0.1', '192.168.1.2', '::ffff:10.0.0.1', '0.0.0.0', undefined])('refuses %s', (address) => {
    expect(isLoopbackAddress(address)).toBe(false);
  });
});
