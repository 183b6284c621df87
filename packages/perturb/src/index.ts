export { RISEGrid, type RISEGridOptions } from './impls/RISEGrid.js';
export { SlidingRadial, type SlidingRadialOptions } from './impls/SlidingRadial.js';
export { SlidingWindow, type SlidingWindowOptions } from './impls/SlidingWindow.js';
export { PerturbImage } from './interfaces/PerturbImage.js';
