// The logging surface every module uses. The extension backs it with one LogOutputChannel;
// tests and the sandbox may back it with anything. Implementations must pass every message
// through redaction (see src/util/redact.ts) before it leaves the process.

export interface Logger {
  trace(message: string, ...args: unknown[]): void;
  debug(message: string, ...args: unknown[]): void;
  info(message: string, ...args: unknown[]): void;
  warn(message: string, ...args: unknown[]): void;
  error(message: string | Error, ...args: unknown[]): void;
}

export const nullLogger: Logger = {
  trace() {}, debug() {}, info() {}, warn() {}, error() {},
};
