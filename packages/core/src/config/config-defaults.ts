import { configFields } from './config-fields';
import type { ConfigDefaults } from './config-types';

/** The values `resolveConfig` fills in for absent fields: those of the fields table that have one. */
export const defaultConfig: ConfigDefaults = Object.freeze(
  Object.fromEntries(
    Object.entries(configFields).flatMap(([name, field]) => (field.length > 1 ? [[name, field[1]]] : [])),
  ) as unknown as ConfigDefaults,
);

/** The environment variable the API key falls back to. */
export const apiKeyEnvVar = 'RUNWARE_API_KEY';
