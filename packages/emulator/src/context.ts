import type { Catalog } from './content/index';
import type { Faults } from './control/faults';
import type { ResolvedOptions } from './options';
import type { SnapshotData } from './snapshot-data';
import type { MediaStore } from './state/media-store';
import type { ModelRegistry } from './state/model-registry';
import type { RequestLog } from './state/request-log';
import type { Scheduler } from './state/scheduler';
import type { Sessions } from './state/sessions';
import type { Stats } from './state/stats';
import type { TaskStore } from './state/task-store';
import type { RequestValidator } from './tasks/validate-request';

/** Everything one emulator instance owns; nothing here is shared between instances. */
export interface EmulatorContext {
  options: ResolvedOptions;
  data: SnapshotData;
  registry: ModelRegistry;
  validator: RequestValidator;
  tasks: TaskStore;
  media: MediaStore;
  sessions: Sessions;
  stats: Stats;
  requests: RequestLog;
  faults: Faults;
  scheduler: Scheduler;
  catalog: () => Catalog;
  /** REST requests in flight per API key, for the concurrency limit. */
  inFlight: Map<string, number>;
  /** `http://host:port`, known once listening. */
  baseUrl: () => string;
}
