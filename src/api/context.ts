// What every platform client is built from (by createClient in index.ts).

import { ApiError } from './errors';
import type { HttpClient } from './http';
import { PLATFORM_NAMES, type Connection, type Credentials, type Platform } from './model';
import type { Logger } from '../util/log';

export interface ClientContext {
  connection: Connection;
  credentials: Credentials;
  http: HttpClient;
  pageCap: number;
  concurrency: number;
  /** Redacts, then clips (one line, MAX_MESSAGE_LENGTH), text that may reach a user. Never clip before this. */
  sanitise: (text: string) => string;
  logger?: Logger;
}

export function unsupported(platform: Platform, what: string): ApiError {
  return new ApiError('unsupported', `${PLATFORM_NAMES[platform]} has no API for ${what}.`);
}

export function missingCredential(what: string): ApiError {
  return new ApiError('auth', `No ${what} is set for this connection.`);
}

/** Throws inside an async generator so that the error surfaces on the first `next()`. */
// eslint-disable-next-line require-yield
export async function* failing<T>(error: ApiError): AsyncGenerator<T, void, undefined> {
  throw error;
}
