export { SlidingWindow, type SlidingWindowOptions } from './impls/SlidingWindow.js';
export { PerturbImage } from './interfaces/PerturbImage.js';
