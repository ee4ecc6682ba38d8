import { ByteWriter } from './byte-writer';
import type { Mesh } from './mesh';

/**
 * glTF 2.0 binary (GLB): a 12-byte header, a JSON chunk padded with spaces and a BIN chunk
 * padded with zeros, both to 4-byte boundaries. One node, one mesh with POSITION, NORMAL,
 * COLOR_0 and 16-bit indices, and one matte material.
 */

const ARRAY_BUFFER = 34962;
const ELEMENT_ARRAY_BUFFER = 34963;
const FLOAT = 5126;
const UNSIGNED_SHORT = 5123;

function bounds(positions: Float32Array): { min: number[]; max: number[] } {
  const min = [Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY];
  const max = [Number.NEGATIVE_INFINITY, Number.NEGATIVE_INFINITY, Number.NEGATIVE_INFINITY];
  for (let i = 0; i < positions.length; i++) {
    const v = positions[i] ?? 0;
    const c = i % 3;
    min[c] = Math.min(min[c] ?? v, v);
    max[c] = Math.max(max[c] ?? v, v);
  }
  return { min, max };
}

export function encodeGlb(mesh: Mesh): Uint8Array {
  const views = [mesh.positions, mesh.normals, mesh.colors, mesh.indices];
  const bin = new ByteWriter();
  const bufferViews = views.map((data, i) => {
    const byteOffset = bin.length;
    bin.bytes(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
    while (bin.length % 4 !== 0) bin.u8(0);
    return {
      buffer: 0,
      byteOffset,
      byteLength: data.byteLength,
      target: i === 3 ? ELEMENT_ARRAY_BUFFER : ARRAY_BUFFER,
    };
  });
  const vertexCount = mesh.positions.length / 3;
  const { min, max } = bounds(mesh.positions);
  const json = {
    asset: { version: '2.0', generator: 'runware-emulator' },
    scene: 0,
    scenes: [{ nodes: [0] }],
    nodes: [{ mesh: 0, name: 'generated' }],
    meshes: [
      {
        name: 'generated',
        primitives: [
          { attributes: { POSITION: 0, NORMAL: 1, COLOR_0: 2 }, indices: 3, material: 0, mode: 4 },
        ],
      },
    ],
    materials: [
      {
        name: 'matte',
        pbrMetallicRoughness: { baseColorFactor: [1, 1, 1, 1], metallicFactor: 0, roughnessFactor: 0.8 },
      },
    ],
    buffers: [{ byteLength: bin.length }],
    bufferViews,
    accessors: [
      { bufferView: 0, componentType: FLOAT, count: vertexCount, type: 'VEC3', min, max },
      { bufferView: 1, componentType: FLOAT, count: vertexCount, type: 'VEC3' },
      { bufferView: 2, componentType: FLOAT, count: vertexCount, type: 'VEC3' },
      { bufferView: 3, componentType: UNSIGNED_SHORT, count: mesh.indices.length, type: 'SCALAR' },
    ],
  };
  const jsonChunk = new ByteWriter().ascii(JSON.stringify(json));
  while (jsonChunk.length % 4 !== 0) jsonChunk.u8(0x20);
  const binChunk = bin.toBytes();
  const out = new ByteWriter(28 + jsonChunk.length + binChunk.length);
  out
    .ascii('glTF')
    .u32le(2)
    .u32le(12 + 8 + jsonChunk.length + 8 + binChunk.length);
  out.u32le(jsonChunk.length).ascii('JSON').bytes(jsonChunk.toBytes());
  out.u32le(binChunk.length).ascii('BIN\0').bytes(binChunk);
  return out.toBytes();
}
