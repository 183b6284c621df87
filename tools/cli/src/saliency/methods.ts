/** The --method names (in a module of their own: the command specs load without the config code). */
export const METHODS = ['rise', 'sliding-window', 'sliding-radial'] as const;
export type Method = (typeof METHODS)[number];
