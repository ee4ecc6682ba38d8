// clearValidatorCache() and fileToDataURI(input), as in the seed.
import { clearValidatorCache, fileToDataURI } from '@runware/sdk';
import { type Check, check, equal, ok, pngBytes, pngDataUri } from './harness.js';

export const checks: Check[] = [
  check('export clearValidatorCache › callable, returns nothing', () => {
    const clear: () => void = clearValidatorCache;
    equal(clear(), undefined, 'clearValidatorCache()');
  }),
  check('export fileToDataURI › bytes → a data: URI with the sniffed MIME type', async () => {
    const dataUri: string = await fileToDataURI(pngBytes);
    equal(dataUri, pngDataUri(), 'fileToDataURI(png bytes)');
  }),
  check('export fileToDataURI › a Blob → a data: URI', async () => {
    const dataUri = await fileToDataURI(new Blob([pngBytes], { type: 'image/png' }));
    ok(dataUri.startsWith('data:image/png;base64,'), `fileToDataURI(Blob) = ${dataUri.slice(0, 40)}`);
  }),
];
