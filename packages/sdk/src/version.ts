declare const __RUNWARE_SDK_VERSION__: string | undefined;

/** The SDK's version (from package.json at build time), sent in the User-Agent. */
export const sdkVersion: string =
  typeof __RUNWARE_SDK_VERSION__ === 'string' ? __RUNWARE_SDK_VERSION__ : '0.0.0-source';

/** The official SDK's name for `sdkVersion`: this package's version string. */
export const SDK_VERSION: string = sdkVersion;
