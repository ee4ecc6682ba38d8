import { describe, expect, it } from 'vitest';
import { render3d } from '../src/media';

interface Accessor {
  bufferView: number;
  componentType: number;
  count: number;
  type: string;
  min?: number[];
  max?: number[];
}

interface BufferView {
  buffer: number;
  byteOffset?: number;
  byteLength: number;
  target?: number;
}

interface Gltf {
  asset: { version: string };
  scene: number;
  scenes: { nodes: number[] }[];
  nodes: { mesh?: number }[];
  meshes: { primitives: { attributes: Record<string, number>; indices?: number; material?: number }[] }[];
  materials: unknown[];
  buffers: { byteLength: number }[];
  bufferViews: BufferView[];
  accessors: Accessor[];
}

const COMPONENT_SIZE: Record<number, number> = { 5121: 1, 5123: 2, 5125: 4, 5126: 4 };
const TYPE_SIZE: Record<string, number> = { SCALAR: 1, VEC2: 2, VEC3: 3, VEC4: 4 };

/** Splits a GLB into its JSON and BIN chunks, checking the container rules of glTF 2.0 §4.4. */
function readGlb(bytes: Uint8Array): { json: Gltf; bin: Uint8Array } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  expect(view.getUint32(0, true)).toBe(0x46546c67); // "glTF"
  expect(view.getUint32(4, true)).toBe(2);
  expect(view.getUint32(8, true)).toBe(bytes.length);
  const jsonLength = view.getUint32(12, true);
  expect(view.getUint32(16, true)).toBe(0x4e4f534a); // "JSON"
  expect(jsonLength % 4).toBe(0);
  const json = JSON.parse(new TextDecoder().decode(bytes.subarray(20, 20 + jsonLength))) as Gltf;
  const binHeader = 20 + jsonLength;
  const binLength = view.getUint32(binHeader, true);
  expect(view.getUint32(binHeader + 4, true)).toBe(0x004e4942); // "BIN\0"
  expect(binLength % 4).toBe(0);
  expect(binHeader + 8 + binLength).toBe(bytes.length);
  return { json, bin: bytes.subarray(binHeader + 8, binHeader + 8 + binLength) };
}

describe('GLB', () => {
  it('is a valid glTF 2.0 binary with a coloured, indexed mesh', () => {
    const { json, bin } = readGlb(render3d({ format: 'GLB', seed: 12 }));
    expect(json.asset.version).toBe('2.0');
    const scene = json.scenes[json.scene];
    const node = json.nodes[scene?.nodes[0] ?? -1];
    const primitive = json.meshes[node?.mesh ?? -1]?.primitives[0];
    if (!primitive) throw new Error('no primitive');
    expect(Object.keys(primitive.attributes).sort()).toEqual(['COLOR_0', 'NORMAL', 'POSITION']);
    expect(json.materials[primitive.material ?? -1]).toBeDefined();
    expect(json.buffers[0]?.byteLength).toBe(bin.length);

    for (const accessor of json.accessors) {
      const view = json.bufferViews[accessor.bufferView];
      if (!view) throw new Error('missing bufferView');
      const size = (COMPONENT_SIZE[accessor.componentType] ?? 0) * (TYPE_SIZE[accessor.type] ?? 0);
      expect(size).toBeGreaterThan(0);
      expect(accessor.count * size).toBeLessThanOrEqual(view.byteLength);
      expect((view.byteOffset ?? 0) % 4).toBe(0);
      expect((view.byteOffset ?? 0) + view.byteLength).toBeLessThanOrEqual(bin.length);
    }

    const position = json.accessors[primitive.attributes.POSITION ?? -1];
    const indices = json.accessors[primitive.indices ?? -1];
    if (!position || !indices) throw new Error('missing accessors');
    expect(position.type).toBe('VEC3');
    expect(position.min).toHaveLength(3);
    expect(position.max).toHaveLength(3);
    const posView = json.bufferViews[position.bufferView];
    const idxView = json.bufferViews[indices.bufferView];
    if (!posView || !idxView) throw new Error('missing views');
    const data = new DataView(bin.buffer, bin.byteOffset, bin.byteLength);
    for (let i = 0; i < position.count * 3; i++) {
      const v = data.getFloat32((posView.byteOffset ?? 0) + i * 4, true);
      expect(v).toBeGreaterThanOrEqual((position.min?.[i % 3] ?? 0) - 1e-6);
      expect(v).toBeLessThanOrEqual((position.max?.[i % 3] ?? 0) + 1e-6);
    }
    expect(indices.componentType).toBe(5123);
    expect(indices.count % 3).toBe(0);
    for (let i = 0; i < indices.count; i++) {
      expect(data.getUint16((idxView.byteOffset ?? 0) + i * 2, true)).toBeLessThan(position.count);
    }
  });

  it('is deterministic and shaped by the seed', () => {
    expect(render3d({ format: 'GLB', seed: 3 })).toEqual(render3d({ format: 'GLB', seed: 3 }));
    expect(render3d({ format: 'GLB', seed: 3 })).not.toEqual(render3d({ format: 'GLB', seed: 4 }));
  });
});

describe('PLY', () => {
  it('is ASCII PLY whose header matches its body', () => {
    const text = new TextDecoder().decode(render3d({ format: 'PLY', seed: 12 }));
    const lines = text.trimEnd().split('\n');
    expect(lines[0]).toBe('ply');
    expect(lines[1]).toBe('format ascii 1.0');
    const end = lines.indexOf('end_header');
    const header = lines.slice(0, end);
    const vertices = Number(header.find((l) => l.startsWith('element vertex'))?.split(' ')[2]);
    const faces = Number(header.find((l) => l.startsWith('element face'))?.split(' ')[2]);
    const properties = header.filter((l) => l.startsWith('property') && !l.includes('list')).length;
    expect(vertices).toBeGreaterThan(0);
    expect(lines.length).toBe(end + 1 + vertices + faces);
    for (const line of lines.slice(end + 1, end + 1 + vertices)) {
      const values = line.split(' ').map(Number);
      expect(values).toHaveLength(properties);
      expect(values.every(Number.isFinite)).toBe(true);
    }
    for (const line of lines.slice(end + 1 + vertices)) {
      const [count, ...indices] = line.split(' ').map(Number);
      expect(indices).toHaveLength(count ?? -1);
      expect(indices.every((i) => i >= 0 && i < vertices)).toBe(true);
    }
  });

  it('is deterministic and shaped by the seed', () => {
    expect(render3d({ format: 'PLY', seed: 3 })).toEqual(render3d({ format: 'PLY', seed: 3 }));
    expect(render3d({ format: 'PLY', seed: 3 })).not.toEqual(render3d({ format: 'PLY', seed: 4 }));
  });
});
