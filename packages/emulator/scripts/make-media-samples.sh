#!/bin/sh
# Regenerates the fixed sample files in ../assets/media/ that the emulator serves for the formats
# it does not encode itself (see the README, "Generated media"). Run it by hand after changing a
# sample, then commit the files: the package never runs ffmpeg, at run time or in CI.
# Needs an ffmpeg with libx264, libvpx, libwebp, libmp3lame and libopus (Debian's `ffmpeg` has them).
# The sizes and durations are listed in src/media/samples.ts; keep them in step.
set -eu
out="$(cd "$(dirname "$0")/../assets/media" && pwd)"
ff() { ffmpeg -hide_banner -loglevel error -y "$@"; }
# ffmpeg's test pattern (colour bars, a moving gradient and a frame counter): plainly a placeholder.
picture="testsrc2=size=64x64:rate=10:duration=1"
tone="sine=frequency=440:sample_rate=44100:duration=1"
strip="-map_metadata -1 -fflags +bitexact"
h264="-c:v libx264 -preset veryslow -crf 30 -pix_fmt yuv420p -flags:v +bitexact"

# shellcheck disable=SC2086 # word splitting of the option lists is intended
{
  ff -f lavfi -i "$picture" $strip $h264 -movflags +faststart "$out/sample.mp4"
  ff -f lavfi -i "$picture" $strip $h264 -movflags +faststart -f mov "$out/sample.mov"
  ff -f lavfi -i "$picture" $strip -c:v libvpx -b:v 16k -pix_fmt yuv420p -flags:v +bitexact "$out/sample.webm"
  ff -f lavfi -i "$picture" $strip -frames:v 1 -c:v libwebp -quality 75 "$out/sample.webp"
  ff -f lavfi -i "$tone" $strip -ac 1 -c:a libmp3lame -b:a 32k -id3v2_version 0 "$out/sample.mp3"
  ff -f lavfi -i "$tone" $strip -ac 1 -ar 8000 -sample_fmt s16 -c:a flac -compression_level 12 "$out/sample.flac"
  # ffmpeg reserves an 8 KiB PADDING block for later tag edits: drop it (and mark the last block).
  node -e '
    const fs = require("node:fs");
    const file = process.argv[1];
    const b = fs.readFileSync(file);
    const kept = [];
    let o = 4;
    for (let last = false; !last; ) {
      last = (b[o] & 0x80) !== 0;
      const end = o + 4 + b.readUIntBE(o + 1, 3);
      if ((b[o] & 0x7f) !== 1) kept.push(Buffer.from(b.subarray(o, end)));
      o = end;
    }
    kept.forEach((block, i) => { block[0] = (block[0] & 0x7f) | (i === kept.length - 1 ? 0x80 : 0); });
    fs.writeFileSync(file, Buffer.concat([b.subarray(0, 4), ...kept, b.subarray(o)]));
  ' "$out/sample.flac"
  ff -f lavfi -i "$tone" $strip -ac 1 -c:a libopus -b:a 24k "$out/sample.ogg"
}
ls -l "$out"
