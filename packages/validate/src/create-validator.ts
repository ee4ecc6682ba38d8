import type { TaskPayload, ValidationContextV1, ValidationOutcomeV1, ValidatorV1 } from '@runware/core';
import { models, taskTypeSchemaKeys } from '@runware/types';
import type { AnySchema } from 'ajv/dist/2019.js';
import { canGenerateCode } from './can-generate-code';
import { chooseSchema, type SchemaChoice } from './choose-schema';
import { requestValidators, utilityValidators } from './generated/index';
import { type Ajv, createAjv } from './load-ajv';
import { matchBundledSchema } from './match-bundled-schema';
import { type CheckFunction, loadPrecompiledValidator } from './precompiled-validator';
import { resolveSchema } from './resolve-schema';
import { toRunwareError } from './to-runware-error';
import { toWireShape } from './to-wire-shape';
import { resolveValidatorOptions, type ValidatorOptions } from './validator-options';
import { registerValidator } from './validator-registry';

interface Compiled {
  check: CheckFunction;
  /** Docs base URL the schemas service gave for the model. */
  documentation?: string | undefined;
}

interface CacheEntry {
  /** Undefined: validation is skipped for this key. */
  compiled: Promise<Compiled | undefined>;
  /** Set after a transient failure: skip without asking again until then, then retry. */
  expiresAt?: number;
}

/**
 * After the schemas service failed (not a 404), tasks of that model skip validation for this long
 * without a new request, so an outage does not add a timeout to every task.
 */
const retryAfterFailureMs = 30_000;

const bundled = { requestValidators, utilityValidators };

/**
 * A ValidatorV1 that checks task params with ajv's errors: offline with validators precompiled from
 * the bundled schemas (no `new Function`, one chunk per schema) for schema keys, utilities and
 * curated models; through the schemas service (`/resolve/<AIR>`, once per model) and ajv at run
 * time for any other model, where the runtime allows code generation. Whatever cannot be checked is
 * skipped: the server stays the source of truth.
 */
export function createValidator(options: ValidatorOptions = {}): ValidatorV1 {
  const { log, schemasBaseUrl, fetch, resolveTimeout } = resolveValidatorOptions(options);
  const cache = new Map<string, CacheEntry>();
  let ajv: Promise<Ajv> | undefined;
  // Asked on the first model that needs runtime ajv; warned about once.
  let codeGeneration: boolean | undefined;
  let warnedNoCodeGeneration = false;

  const ajvInstance = () => {
    ajv ??= createAjv().catch((error: unknown) => {
      ajv = undefined;
      throw error;
    });
    return ajv;
  };

  const compile = async (schema: AnySchema, label: string): Promise<Compiled | undefined> => {
    const instance = await ajvInstance();
    try {
      return { check: instance.compile(schema) };
    } catch (error) {
      log('warn', `The schema of ${label} does not compile; validation is skipped for it.`, {
        error: String(error),
      });
      return undefined;
    }
  };

  const build = async (
    choice: Exclude<SchemaChoice, { kind: 'none' }>,
    entry: CacheEntry,
  ): Promise<Compiled | undefined> => {
    if (choice.kind === 'bundled') return { check: await loadPrecompiledValidator(choice.load) };
    const result = await resolveSchema(choice.model, { schemasBaseUrl, fetch, timeout: resolveTimeout, log });
    if (result.status === 'found') {
      const documentation = result.documentation;
      // A fetched schema equal to a bundled one (a community model's architecture schema) uses
      // that schema's precompiled validator: no ajv to load, no code generated at run time.
      const match = await matchBundledSchema(result.requestSchema, bundled.requestValidators);
      if (match) return { check: await loadPrecompiledValidator(match.load), documentation };
      codeGeneration ??= canGenerateCode();
      if (!codeGeneration) {
        if (!warnedNoCodeGeneration) {
          warnedNoCodeGeneration = true;
          log(
            'warn',
            'This runtime forbids code generation (new Function), so schemas from the schemas service that match no bundled schema cannot be compiled: tasks of such models are not validated here.',
          );
        }
        log('info', `Validation skipped for ${choice.model}: no code generation in this runtime.`);
        return undefined;
      }
      const compiled = await compile(result.requestSchema, choice.model);
      return compiled && { ...compiled, documentation };
    }
    if (result.status === 'unavailable') {
      entry.expiresAt = Date.now() + retryAfterFailureMs;
      log('warn', `Cannot fetch the schema of ${choice.model} (${result.reason}); validation is skipped.`);
    } else {
      log('info', `No schema for ${choice.model} (${result.reason}); validation is skipped.`);
    }
    return undefined;
  };

  // One promise per key: concurrent first calls share one fetch and one compile.
  const compiledFor = (choice: Exclude<SchemaChoice, { kind: 'none' }>) => {
    const cached = cache.get(choice.key);
    if (cached && (cached.expiresAt === undefined || cached.expiresAt > Date.now())) return cached.compiled;
    const entry: CacheEntry = { compiled: Promise.resolve(undefined) };
    entry.compiled = build(choice, entry).catch((error: unknown) => {
      // ajv or a validator chunk failed to load: nothing is checked, and the next call tries again.
      if (cache.get(choice.key) === entry) cache.delete(choice.key);
      const what = choice.kind === 'bundled' ? `The validator of ${choice.key}` : 'ajv';
      log('error', `${what} could not be loaded; validation is skipped.`, { error: String(error) });
      return undefined;
    });
    cache.set(choice.key, entry);
    return entry.compiled;
  };

  const validator: ValidatorV1 = {
    specificationVersion: 'v1',
    async validate(
      task: TaskPayload,
      context: ValidationContextV1,
    ): Promise<ValidationOutcomeV1 | undefined> {
      const choice = chooseSchema(context, { bundled, models, taskTypeSchemaKeys });
      if (choice.kind === 'none') {
        log('info', `Validation skipped: ${choice.reason}.`, { taskType: context.taskType });
        return;
      }
      const target = await compiledFor(choice);
      if (!target) return;
      const data = toWireShape(task, choice.kind === 'bundled' && choice.stripEnvelope);
      // A valid task: the model's docs URL (from /resolve) links the service's errors about it.
      if (target.check(data))
        return target.documentation ? { documentation: target.documentation } : undefined;
      // Read at once: ajv keeps the errors of the last call on the function (shared by every caller).
      throw toRunwareError(target.check.errors ?? [], {
        taskType: context.taskType,
        taskUUID: typeof task.taskUUID === 'string' ? task.taskUUID : undefined,
        modelSlug: choice.kind === 'bundled' ? choice.modelSlug : undefined,
        documentation: target.documentation,
      });
    },
    clearCache() {
      cache.clear();
      // A fresh ajv too: it keeps compiled schemas by $id, which a re-fetched schema may reuse.
      ajv = undefined;
    },
  };
  registerValidator(validator);
  return validator;
}
