/** PCG64's 128-bit LCG multiplier (PCG_DEFAULT_MULTIPLIER_128, as numpy's pcg64.h). */
export const PCG64_MULT = 0x2360ed051fc65da44385df649fccf645n;
