import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { useEmulator } from '../src/testing/index';
import { emulatorOptions, post, uuid } from './support/emulator';
import { BareWs } from './support/ws-client';

const emulator = useEmulator({ beforeAll, afterAll }, emulatorOptions());
const sockets: BareWs[] = [];
afterEach(() => {
  for (const ws of sockets.splice(0)) ws.close();
});

// A community SDXL model (closed architecture schema) and a curated one (open image schema): the
// live limits hold for both, although neither schema carries a minimum.
const models = { community: 'civitai:133005@782002', curated: 'runware:400@1' } as const;

const image = (model: string, extra: Record<string, unknown>) => ({
  taskType: 'imageInference',
  taskUUID: uuid(),
  model,
  positivePrompt: 'a fox',
  width: 64,
  height: 64,
  deliveryMethod: 'sync',
  ...extra,
});

const cases: [string, Record<string, unknown>, string, string][] = [
  ['an empty positivePrompt', { positivePrompt: '' }, 'invalidPositivePrompt', 'positivePrompt'],
  ['a blank positivePrompt', { positivePrompt: '  \n' }, 'invalidPositivePrompt', 'positivePrompt'],
  ['width 0', { width: 0 }, 'invalidWidth', 'width'],
  ['a negative width', { width: -512 }, 'invalidWidth', 'width'],
  ['height 0', { height: 0 }, 'invalidHeight', 'height'],
  ['steps 0', { steps: 0 }, 'invalidSteps', 'steps'],
  ['negative steps', { steps: -4 }, 'invalidSteps', 'steps'],
  ['numberResults 0', { numberResults: 0 }, 'invalidNumberResults', 'numberResults'],
  ['numberResults 21', { numberResults: 21 }, 'invalidNumberResults', 'numberResults'],
  ['numberResults 2.5', { numberResults: 2.5 }, 'invalidNumberResults', 'numberResults'],
];

describe.each(Object.entries(models))('live validation codes on a %s model', (_, model) => {
  it.each(cases)('%s → %s naming %s', async (_label, extra, code, parameter) => {
    const task = image(model, extra);
    const { status, body } = await post(emulator, [task]);
    expect(status).toBe(400);
    expect(body.data).toBeUndefined();
    expect(body.errors).toEqual([
      expect.objectContaining({ code, parameter, taskType: 'imageInference', taskUUID: task.taskUUID }),
    ]);
    expect(String(body.errors?.[0]?.message)).toContain(parameter);
  });

  it('still accepts tiny sizes, one step and up to 20 results', async () => {
    const task = image(model, { width: 8, height: 16, steps: 1, numberResults: 20 });
    const { status, body } = await post(emulator, [task]);
    expect(status, JSON.stringify(body.errors)).toBe(200);
    expect(body.data).toHaveLength(20);
  });
});

describe('live validation codes: precedence and transports', () => {
  it('wins over another schema error of the same task', async () => {
    const task = image(models.community, { width: 0, scheduler: 'Eulerr' });
    const { body } = await post(emulator, [task]);
    expect(body.errors?.[0]).toMatchObject({ code: 'invalidWidth', parameter: 'width' });
  });

  it('leaves a wrong type to the schema (same code) and a missing prompt to missingPositivePrompt', async () => {
    const typed = await post(emulator, [image(models.community, { width: '0' })]);
    expect(typed.body.errors?.[0]).toMatchObject({ code: 'invalidWidth', parameter: 'width' });
    const task: Record<string, unknown> = image(models.community, {});
    delete task.positivePrompt;
    const missing = await post(emulator, [task]);
    expect(missing.body.errors?.[0]).toMatchObject({ code: 'missingPositivePrompt' });
  });

  it('does not apply to tasks whose schema has no such parameter: that stays unknownParameter', async () => {
    const { body } = await post(emulator, [
      { taskType: 'modelSearch', taskUUID: uuid(), search: '', width: 0 },
    ]);
    expect(body.errors?.[0]).toMatchObject({ code: 'unknownParameter', parameter: 'width' });
  });

  it('fails only the offending task of a batch, and answers the same over WebSocket', async () => {
    const bad = image(models.curated, { numberResults: 50 });
    const good = image(models.curated, {});
    const rest = await post(emulator, [bad, good]);
    expect(rest.status).toBe(400);
    expect(rest.body.errors).toEqual([
      expect.objectContaining({ code: 'invalidNumberResults', taskUUID: bad.taskUUID }),
    ]);
    expect(rest.body.data).toEqual([expect.objectContaining({ taskUUID: good.taskUUID })]);

    const ws = await BareWs.open(emulator.wsUrl);
    sockets.push(ws);
    await ws.authenticate(emulator.apiKey);
    const overWs = image(models.curated, { positivePrompt: '' });
    ws.send([overWs]);
    const frame = await ws.next((f) => f.errors?.some((e) => e.taskUUID === overWs.taskUUID) === true);
    expect(frame.errors?.[0]).toMatchObject({ code: 'invalidPositivePrompt', parameter: 'positivePrompt' });
  });
});
