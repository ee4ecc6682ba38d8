import type { ConformanceContext } from './conformance-context';
import type { TransportConformanceManifestV1 } from './conformance-types';

/** What a suite file registers its tests through; `test` applies the suite's timeout and context. */
export interface ConformanceSuite {
  readonly manifest: TransportConformanceManifestV1;
  describe(name: string, body: () => void): void;
  test(name: string, body: (ctx: ConformanceContext) => Promise<void>): void;
}

/** One concept's tests; it registers only those the manifest makes applicable. */
export type SuiteRegistration = (suite: ConformanceSuite) => void;
