/** What a JPEG's start-of-frame segment says about the image. */
export interface JpegFrame {
  width: number;
  height: number;
  /** Colour components: 1 gray, 3 YCbCr/RGB, 4 CMYK/YCCK. */
  components: number;
}

/**
 * Reads the first start-of-frame segment (SOF0..SOF15 except DHT C4, JPG C8 and DAC CC) by
 * walking the marker segments after SOI, so a decoder can refuse oversized images before it
 * allocates them. Null when no frame header comes before the scan data or the bytes end.
 */
export function readJpegFrame(b: Uint8Array): JpegFrame | null {
  let i = 2;
  while (i + 3 < b.length) {
    if (b[i] !== 0xff) return null;
    const marker = b[i + 1] as number;
    // Fill bytes (FF FF ...) may precede a marker.
    if (marker === 0xff) {
      i++;
      continue;
    }
    // Standalone markers carry no length: TEM and RST0-7.
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      i += 2;
      continue;
    }
    const length = ((b[i + 2] as number) << 8) | (b[i + 3] as number);
    const isFrame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isFrame) {
      if (i + 9 >= b.length) return null;
      const height = ((b[i + 5] as number) << 8) | (b[i + 6] as number);
      const width = ((b[i + 7] as number) << 8) | (b[i + 8] as number);
      return { width, height, components: b[i + 9] as number };
    }
    // Start of scan before any frame header: not a valid file.
    if (marker === 0xda || marker === 0xd9 || length < 2) return null;
    i += 2 + length;
  }
  return null;
}
