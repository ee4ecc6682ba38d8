/** One task object as sent on the wire: `taskType`, `taskUUID` and the task's own parameters. */
export interface TaskPayload {
  taskType: string;
  taskUUID: string;
  [param: string]: unknown;
}

/** One result item as received: always `taskType` and `taskUUID`, the rest per task type. */
export interface ResultItem {
  taskType: string;
  taskUUID: string;
  [field: string]: unknown;
}

/** One error object as the API sends it (raw, before it becomes a RunwareError). */
export interface RawApiError {
  code: string;
  message: string;
  /** A parameter name, or several for cross-field constraints. */
  parameter?: string | readonly string[];
  taskType?: string;
  taskUUID?: string;
  documentation?: string;
  [field: string]: unknown;
}
