import { describe, expect, it } from 'vitest';
import { planTypes } from '../src/plan';
import { assertSnapshot, SnapshotError } from '../src/snapshot';
import { fixture } from './fixture';

function problemsOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(SnapshotError);
    return (error as Error).message;
  }
  throw new Error('expected a SnapshotError');
}

describe('assertSnapshot', () => {
  it('accepts the fixture', () => {
    expect(() => assertSnapshot(fixture())).not.toThrow();
  });

  it('names every malformed path at once', () => {
    const broken = fixture() as unknown as Record<string, Record<string, unknown>>;
    delete broken.operations;
    (broken.architectures as Record<string, unknown>)['toy-arch'] = { taskType: '', requestSchema: [] };
    (broken.models as Record<string, unknown>)['not an air'] = {
      taskType: 'imageInference',
      slug: 's',
      resultType: 'R',
    };
    (broken.models as Record<string, unknown>)['runware:2@1'] = { taskType: 'imageInference' };
    const message = problemsOf(() => assertSnapshot(broken));
    expect(message).toContain('operations: expected an object keyed by name');
    expect(message).toContain('architectures.toy-arch.taskType: expected a non-empty string');
    expect(message).toContain('architectures.toy-arch.requestSchema: expected a JSON Schema object');
    expect(message).toContain('architectures.toy-arch.responseSchema: expected a JSON Schema object');
    expect(message).toContain('models["not an air"]: not an AIR');
    expect(message).toContain('models["runware:2@1"].slug: expected a non-empty string');
  });

  it('rejects a non-object', () => {
    expect(problemsOf(() => assertSnapshot([]))).toContain('expected a JSON object');
  });
});

describe('planTypes', () => {
  it('picks the modality, then the base operation, as the canonical schema of a task type', () => {
    const plan = planTypes(fixture());
    const canonical = Object.fromEntries(plan.taskTypes.map((t) => [t.taskType, t.canonical.key]));
    expect(canonical).toEqual({
      '3dInference': '3d',
      getResponse: 'getResponse',
      imageInference: 'image',
      imageMasking: 'masking',
      upscale: 'upscale',
    });
  });

  it('rejects a model whose task type has no schema, or whose result type is not its task type’s', () => {
    const snapshot = fixture();
    snapshot.models['runware:9@9'] = { taskType: 'teleport', slug: 't', resultType: 'TeleportResult' };
    snapshot.models['runware:8@8'] = { taskType: 'upscale', slug: 'u', resultType: 'ImageInferenceResult' };
    const message = problemsOf(() => planTypes(snapshot));
    expect(message).toContain('models["runware:9@9"].taskType "teleport" has no schema');
    expect(message).toContain('"ImageInferenceResult" is not the result type of upscale (UpscaleResult)');
  });

  it('rejects a slug shared by two models, or one that is another model\u2019s AIR', () => {
    const snapshot = fixture();
    snapshot.models['runware:9@9'] = { taskType: 'upscale', slug: 'toy-up', resultType: 'UpscaleResult' };
    snapshot.models['runware:8@8'] = {
      taskType: 'upscale',
      slug: 'runware:1@1',
      resultType: 'UpscaleResult',
    };
    const message = problemsOf(() => planTypes(snapshot));
    expect(message).toContain('models["runware:9@9"] and models["runware:up@1"] share the slug "toy-up"');
    expect(message).toContain('models["runware:8@8"].slug "runware:1@1" is another model\'s AIR');
  });

  it('rejects two entries that would produce the same type name or schema key', () => {
    const snapshot = fixture();
    const toy = snapshot.architectures['toy-arch'];
    if (!toy) throw new Error('fixture changed');
    snapshot.architectures.toy_arch = toy;
    snapshot.architectures.masking = toy;
    const message = problemsOf(() => planTypes(snapshot));
    expect(message).toContain(
      'type name ToyArchParams is produced by both architectures.toy-arch and architectures.toy_arch',
    );
    expect(message).toContain('schema key "masking" appears in both architectures and operations');
  });
});
