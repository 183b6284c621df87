export { RISEGrid, type RISEGridOptions } from './impls/RISEGrid.js';
export { SlidingWindow, type SlidingWindowOptions } from './impls/SlidingWindow.js';
export { PerturbImage } from './interfaces/PerturbImage.js';
