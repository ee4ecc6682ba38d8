/** The boolean entropy encoder of VP8 (RFC 6386, section 7.3). */
export class BoolEncoder {
  private buf = new Uint8Array(1024);
  private pos = 0;
  private range = 255;
  private bottom = 0;
  private bitCount = 24;

  private push(byte: number): void {
    if (this.pos === this.buf.length) {
      const next = new Uint8Array(this.buf.length * 2);
      next.set(this.buf);
      this.buf = next;
    }
    this.buf[this.pos++] = byte;
  }

  /** Propagates a carry into bytes already written. */
  private addOne(): void {
    let q = this.pos - 1;
    while (q >= 0 && this.buf[q] === 255) this.buf[q--] = 0;
    if (q >= 0) this.buf[q] = (this.buf[q] ?? 0) + 1;
  }

  /** Writes `bit` where `prob`/256 is the probability of a zero. */
  putBool(prob: number, bit: boolean | number): void {
    const split = 1 + (((this.range - 1) * prob) >> 8);
    if (bit) {
      this.bottom += split;
      this.range -= split;
    } else {
      this.range = split;
    }
    while (this.range < 128) {
      this.range <<= 1;
      if (this.bottom >= 0x80000000) this.addOne();
      this.bottom = (this.bottom * 2) % 0x100000000;
      if (--this.bitCount === 0) {
        this.push(Math.floor(this.bottom / 0x1000000));
        this.bottom %= 0x1000000;
        this.bitCount = 8;
      }
    }
  }

  /** An n-bit unsigned literal, most significant bit first, each at probability 1/2. */
  putLiteral(value: number, bits: number): void {
    for (let i = bits - 1; i >= 0; i--) this.putBool(128, (value >> i) & 1);
  }

  finish(): Uint8Array {
    let c = this.bitCount;
    let v = this.bottom;
    if (v >= 2 ** (32 - c) && Math.floor(v / 2 ** (32 - c)) & 1) this.addOne();
    v = (v * 2 ** (c & 7)) % 0x100000000;
    c >>= 3;
    while (--c >= 0) v = (v * 256) % 0x100000000;
    for (let i = 0; i < 4; i++) {
      this.push(Math.floor(v / 0x1000000));
      v = (v * 256) % 0x100000000;
    }
    return this.buf.slice(0, this.pos);
  }
}
