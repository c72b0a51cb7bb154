// The extension's Logger: one LogOutputChannel, every message redacted and made one line before it is written.
// Keeps the last lines (already redacted) so integration tests can assert no secret was logged.
import * as vscode from 'vscode';
import type { Logger } from './log';
import { redact } from './redact';
import { Disposable } from './lifecycle';
import { logLine } from '../text/logLine';

const KEEP_LINES = 2000;

function describe(value: unknown): string {
  if (value instanceof Error) {
    const cause = (value as { cause?: unknown }).cause;
    return `${value.name}: ${value.message}${cause ? ` (cause: ${describe(cause)})` : ''}`;
  }
  if (typeof value === 'string') return value;
  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
}

export class ChannelLogger extends Disposable implements Logger {
  readonly channel: vscode.LogOutputChannel;
  private readonly lines: string[] = [];

  constructor(name = 'Chatdesk') {
    super();
    this.channel = this._register(vscode.window.createOutputChannel(name, { log: true }));
  }

  private format(message: string | Error, args: unknown[]): string {
    const parts = [describe(message), ...args.map(describe)];
    // redacted first (a secret may span what the escaping changes), then one line: data cannot forge an entry
    return logLine(redact(parts.join(' ')));
  }

  private keep(level: string, line: string): string {
    this.lines.push(`[${level}] ${line}`);
    if (this.lines.length > KEEP_LINES) this.lines.splice(0, this.lines.length - KEEP_LINES);
    return line;
  }

  trace(message: string, ...args: unknown[]): void {
    this.channel.trace(this.keep('trace', this.format(message, args)));
  }
  debug(message: string, ...args: unknown[]): void {
    this.channel.debug(this.keep('debug', this.format(message, args)));
  }
  info(message: string, ...args: unknown[]): void {
    this.channel.info(this.keep('info', this.format(message, args)));
  }
  warn(message: string, ...args: unknown[]): void {
    this.channel.warn(this.keep('warn', this.format(message, args)));
  }
  error(message: string | Error, ...args: unknown[]): void {
    this.channel.error(this.keep('error', this.format(message, args)));
  }

  /** The last lines written (redacted), oldest first. */
  recentLines(): string[] {
    return [...this.lines];
  }

  show(): void {
    this.channel.show(true);
  }
}
