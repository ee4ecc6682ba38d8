import { edgeSafeTestConfig } from './test/support/edge-guard';

// Tests run in `node` and again in `edge` (test/support/edge-guard.ts).
export default edgeSafeTestConfig(new URL('.', import.meta.url));
