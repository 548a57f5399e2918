/** The one source of "now" (epoch ms): tests move it, code never reads the system clock itself. */
export type Clock = { now(): number };
