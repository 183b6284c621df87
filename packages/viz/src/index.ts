export { convertChannels } from './codec/channels.js';
export { type DecodeImageOptions, decodeImage, type ImageFormat, sniffImageFormat } from './codec/decodeImage.js';
export { decodeJpeg, type EncodeJpegOptions, encodeJpeg } from './codec/jpeg.js';
export { type DecodeOptions, decodePng, type EncodePngOptions, encodePng } from './codec/png.js';
export { type ApplyColormapOptions, applyColormap } from './colormap/applyColormap.js';
export { COLORMAP_NAMES, Colormap, type ColormapName, colormap } from './colormap/colormap.js';
export { type GridLayout, gridLayout, type TileGridOptions, tileGrid } from './grid/tileGrid.js';
export { type OverlayHeatmapOptions, overlayHeatmap } from './overlay/overlayHeatmap.js';
export type { RGB } from './util/validate.js';
