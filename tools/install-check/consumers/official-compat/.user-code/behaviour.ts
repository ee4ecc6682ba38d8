// "Behaviour details users see": AJV validationErrors, derived documentation, reasoningContent,
// isRunwareError on what the client rejects with.
import { createClient, isRunwareError, type RunwareClient, RunwareError } from '@runware/sdk';
import {
  type Check,
  check,
  type Env,
  emulatorUrls,
  equal,
  fetchSpy,
  isString,
  ok,
  rejection,
} from './harness.js';

const row = 'behaviour';
const docs = 'https://runware.ai/docs';

const restClient = (env: Env, validate = false): Promise<RunwareClient> =>
  createClient({ apiKey: env.apiKey, transport: 'rest', validate, ...emulatorUrls(env) });

export const checks: Check[] = [
  check(
    `${row} › validationErrors are AJV error objects { instancePath, schemaPath, keyword, params, message }`,
    async (env) => {
      const spy = fetchSpy();
      const client = await createClient({
        apiKey: env.apiKey,
        transport: 'rest',
        validate: true,
        ...emulatorUrls(env),
        dependencies: { fetch: spy.fetch },
      });
      const params: Record<string, unknown> = {
        model: 'runware:400@1',
        positivePrompt: 'A landscape',
        outputFormat: 'GIF',
      };
      const error = await rejection(
        client.run(params),
        'run with an invalid outputFormat and validate: true',
      );
      ok(error instanceof RunwareError, `not a RunwareError: ${String(error)}`);
      equal(error.code, 'validation', 'code');
      equal(error.taskType, 'imageInference', 'taskType');
      const issues = error.validationErrors;
      ok(issues && issues.length > 0, 'no validationErrors');
      for (const issue of issues) {
        ok(typeof issue.instancePath === 'string', `instancePath ${JSON.stringify(issue.instancePath)}`);
        ok(typeof issue.schemaPath === 'string', `schemaPath ${JSON.stringify(issue.schemaPath)}`);
        isString(issue.keyword, 'keyword');
        ok(
          typeof issue.params === 'object' && issue.params !== null,
          `params ${JSON.stringify(issue.params)}`,
        );
        isString(issue.message, 'message');
      }
      ok(
        issues.some((issue) => issue.instancePath === '/outputFormat' && issue.keyword === 'enum'),
        `no enum error at /outputFormat: ${JSON.stringify(issues)}`,
      );
      equal(
        spy.posts(env.httpUrl).filter((post) => post.body.includes('imageInference')).length,
        0,
        'imageInference tasks sent',
      );
    },
  ),

  check(
    `${row} › documentation of a curated model's error: its page + #request-<parameter> (validate: true)`,
    async (env) => {
      const client = await restClient(env, true);
      const params: Record<string, unknown> = {
        model: 'runware:400@1',
        positivePrompt: 'A landscape',
        outputFormat: 'GIF',
      };
      const error = await rejection(client.run(params), 'run with an invalid outputFormat');
      ok(error instanceof RunwareError, `not a RunwareError: ${String(error)}`);
      equal(error.documentation, `${docs}/models/bfl-flux-2-dev#request-outputformat`, 'documentation');
    },
  ),

  check(
    `${row} › documentation of a curated model's server error is derived, not copied ('.' → '-')`,
    async (env) => {
      const client = await restClient(env);
      const params: Record<string, unknown> = {
        model: 'runware:400@1',
        positivePrompt: 'A landscape',
        safety: { checkContent: 'yes' },
      };
      const error = await rejection(client.run(params), 'run with an invalid safety.checkContent');
      ok(error instanceof RunwareError, `not a RunwareError: ${String(error)}`);
      equal(error.code, 'validation', 'code');
      equal(error.parameter, 'safety.checkContent', 'parameter');
      equal(
        error.documentation,
        `${docs}/models/bfl-flux-2-dev#request-safety-checkcontent`,
        'documentation',
      );
    },
  ),

  check(`${row} › documentation of a model resolved through /resolve is that docs URL`, async (env) => {
    const resolved = (await (
      await fetch(`${env.schemasUrl}/resolve/${encodeURIComponent('runware:400@1')}`)
    ).json()) as {
      documentation?: string;
    };
    isString(resolved.documentation, '/resolve documentation');
    const client = await restClient(env, true);
    const params: Record<string, unknown> = {
      model: 'runware:400@1',
      positivePrompt: 'x',
      outputType: 'PDF',
    };
    const error = await rejection(client.run(params), 'run with an invalid outputType');
    ok(error instanceof RunwareError, `not a RunwareError: ${String(error)}`);
    equal(error.documentation, `${resolved.documentation}#request-outputtype`, 'documentation');
  }),

  check(`${row} › documentation of a utility's error is its platform page`, async (env) => {
    const client = await restClient(env);
    const error = await rejection(
      client.accountManagement({
        operation: 'getUsageActivity',
        startDate: '2020-01-01',
        endDate: '2021-01-01',
      }),
      'accountManagement with a year-long window',
    );
    ok(error instanceof RunwareError, `not a RunwareError: ${String(error)}`);
    const documentation = error.documentation ?? '';
    ok(
      documentation.startsWith(`${docs}/platform/`) && !documentation.startsWith(`${docs}/platform/errors`),
      `documentation ${JSON.stringify(documentation)}`,
    );
  }),

  check(`${row} › documentation otherwise: the errors page`, async (env) => {
    const client = await restClient(env);
    const error = await rejection(
      client.run({ model: 'nobody:1@1', positivePrompt: 'x' }),
      'run of an unknown model without taskType',
    );
    ok(error instanceof RunwareError, `not a RunwareError: ${String(error)}`);
    equal(error.code, 'notFound', 'code');
    equal(error.documentation, `${docs}/platform/errors`, 'documentation');
  }),

  check(`${row} › TextStreamResult.reasoningContent is undefined when there was none`, async (env) => {
    const client = await restClient(env);
    const stream = await client.stream({
      model: 'google:gemma@4-31b',
      messages: [{ role: 'user', content: 'Say hello' }],
    });
    const result = await stream.result();
    isString(result.text, 'result.text');
    equal(result.reasoningContent, undefined, 'reasoningContent');
  }),

  check(`${row} › isRunwareError is true for what the client rejects with`, async (env) => {
    const client = await createClient({ apiKey: 'not-a-key', transport: 'rest', ...emulatorUrls(env) });
    const error = await rejection(
      client.run({ model: 'runware:400@1', positivePrompt: 'x', width: 512, height: 512 }),
      'run with a bad key',
    );
    ok(isRunwareError(error), `isRunwareError(${String(error)})`);
    ok(error instanceof RunwareError, 'instanceof RunwareError');
    equal(error.code, 'auth', 'code');
    equal(error.retryable, false, 'retryable');
  }),
];
