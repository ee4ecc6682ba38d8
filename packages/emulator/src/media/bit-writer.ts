/** Growable bit sink shared by the two writers. */
class ByteSink {
  protected buf = new Uint8Array(4096);
  protected pos = 0;

  protected push(byte: number): void {
    if (this.pos === this.buf.length) this.grow(1);
    this.buf[this.pos++] = byte;
  }

  protected grow(extra: number): void {
    let cap = this.buf.length * 2;
    while (cap < this.pos + extra) cap *= 2;
    const next = new Uint8Array(cap);
    next.set(this.buf.subarray(0, this.pos));
    this.buf = next;
  }
}

/** MSB-first bit writer (FLAC, H.264). */
export class BitWriter extends ByteSink {
  private acc = 0;
  private nbits = 0;

  /** Writes the low `count` bits of `value` (count up to 32). */
  writeBits(value: number, count: number): void {
    if (count > 24) {
      const low = count - 24;
      this.writeBits(Math.floor(value / 2 ** low) & 0xffffff, 24);
      this.writeBits(value % 2 ** low, low);
      return;
    }
    if (count <= 0) return;
    this.acc = ((this.acc << count) | (value & ((1 << count) - 1))) >>> 0;
    this.nbits += count;
    while (this.nbits >= 8) {
      this.nbits -= 8;
      this.push((this.acc >>> this.nbits) & 0xff);
    }
    this.acc &= (1 << this.nbits) - 1;
  }

  /** `count` zero bits then a one: FLAC's Rice quotient. */
  writeUnary(count: number): void {
    let left = count;
    while (left >= 24) {
      this.writeBits(0, 24);
      left -= 24;
    }
    this.writeBits(1, left + 1);
  }

  alignZero(): void {
    if (this.nbits > 0) this.writeBits(0, 8 - this.nbits);
  }

  /** Raw bytes at a byte boundary (H.264 PCM samples); pads to the boundary first. */
  writeAlignedBytes(data: Uint8Array): void {
    this.alignZero();
    if (this.pos + data.length > this.buf.length) this.grow(data.length);
    this.buf.set(data, this.pos);
    this.pos += data.length;
  }

  /** Pads the last byte with zero bits and returns the bytes. */
  finish(): Uint8Array {
    this.alignZero();
    return this.buf.slice(0, this.pos);
  }
}

/** LSB-first bit writer (WebP lossless). */
export class LsbBitWriter extends ByteSink {
  private acc = 0;
  private nbits = 0;

  /** Writes the low `count` bits of `value`, least significant first (count up to 24). */
  writeBits(value: number, count: number): void {
    if (count <= 0) return;
    this.acc |= (value & ((1 << count) - 1)) << this.nbits;
    this.nbits += count;
    while (this.nbits >= 8) {
      this.push(this.acc & 0xff);
      this.acc >>>= 8;
      this.nbits -= 8;
    }
  }

  finish(): Uint8Array {
    if (this.nbits > 0) {
      this.push(this.acc & 0xff);
      this.acc = 0;
      this.nbits = 0;
    }
    return this.buf.slice(0, this.pos);
  }
}
