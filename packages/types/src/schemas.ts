/** The request JSON Schemas, for offline validation. Import only where you validate. */
export { requestSchemas, utilityRequestSchemas } from './generated/request-schemas';
export type { JsonSchema, JsonSchemaTypeName } from './generated/json-schema';
export { snapshotVersion } from './generated/tables';
