import { describe, expect, it } from 'vitest';
import { mediaPath, mediaUrlsOf } from './download-media';

describe('download names', () => {
  const uuid = '3f1c2a7e-1111-4222-8333-444455556666';

  it('names files from the line, the taskUUID and the position only', () => {
    expect(mediaPath('/tmp/out', 12, uuid, 1, 'png')).toBe(`/tmp/out/line-000012-${uuid}-1.png`);
  });

  it('refuses anything a server answer could smuggle into a path', () => {
    expect(() => mediaPath('/tmp/out', 1, '../../etc/passwd', 0, 'png')).toThrow(/taskUUID/);
    expect(() => mediaPath('/tmp/out', 1, uuid, 0, '../x')).toThrow(/extension/);
    expect(() => mediaPath('/tmp/out', -1, uuid, 0, 'png')).toThrow(/line/);
  });

  it('takes http(s) URLs from …URL fields only, in a stable order', () => {
    expect(
      mediaUrlsOf({
        videoURL: 'https://v',
        imageURL: 'http://i',
        seedImageURL: 'file:///etc/passwd',
        note: 'https://n',
        audioURL: 7,
      }),
    ).toEqual(['http://i', 'https://v']);
  });
});
