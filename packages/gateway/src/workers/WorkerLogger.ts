/** The part of a pino logger the workers write to. */
export type WorkerLogger = {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
  error(fields: object, message: string): void;
};

/** Writes nothing: the default when no logger is given. */
export const SILENT_WORKER_LOGGER: WorkerLogger = { info() {}, warn() {}, error() {} };
