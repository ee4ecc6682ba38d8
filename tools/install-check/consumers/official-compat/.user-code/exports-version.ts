// SDK_VERSION: the package version string.
import { SDK_VERSION } from '@runware/sdk';
import { type Check, check, equal } from './harness.js';

export const checks: Check[] = [
  check('export SDK_VERSION › the installed package version', (env) => {
    const version: string = SDK_VERSION;
    equal(version, env.sdkVersion, 'SDK_VERSION');
  }),
];
