/** The request JSON Schemas, for offline validation. Import only where you validate. */

export type { JsonSchema, JsonSchemaTypeName } from './generated/json-schema';
export { requestSchemas, utilityRequestSchemas } from './generated/request-schemas';
export { snapshotVersion } from './generated/tables';
