// Types for pngjs's self-contained browser bundle (`pngjs/browser.js`): the part of its API
// salkit uses. The bundle carries its own Buffer and zlib (pako), so it needs no Node built-ins.
declare module 'pngjs/browser.js' {
  /** What PNG.sync.read returns: metadata plus RGBA 8-bit pixels. */
  interface PngjsImage {
    width: number;
    height: number;
    depth: number;
    interlace: boolean;
    palette: boolean;
    color: boolean;
    alpha: boolean;
    colorType: number;
    gamma: number;
    /** The tRNS key colour of a gray or RGB file, in file samples (before scaling to 8 bits). */
    transColor?: number[];
    data: Uint8Array;
  }

  interface PngjsWriteOptions {
    colorType?: number;
    inputColorType?: number;
    inputHasAlpha?: boolean;
    bitDepth?: 8 | 16;
    deflateLevel?: number;
  }

  interface PngjsClass {
    new (options?: { width?: number; height?: number }): { data: Uint8Array | null };
    sync: {
      read(buffer: Uint8Array, options?: { skipRescale?: boolean }): PngjsImage;
      write(png: { width: number; height: number; data: Uint8Array }, options?: PngjsWriteOptions): Uint8Array;
    };
  }

  const pngjs: { PNG: PngjsClass };
  export default pngjs;
}
