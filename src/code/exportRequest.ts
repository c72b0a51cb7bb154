// Export Agents… driven by a script: what the dialogs would ask, given as `{ exportRequest: { … } }`. Honoured only
// when the extension runs under a test runner: otherwise any extension could write every agent to any path without
// a dialog and read the result back. Pure, no imports: the command registration (main bundle) reads it.

export type ExportFormat = 'csv' | 'json';

/** What the dialogs would ask. Anything left out is asked. */
export interface ExportRequest {
  connectionIds?: string[];
  format?: ExportFormat;
  /** Where to write (a URI string). */
  target?: string;
  /** The answer to "export a partial list?". */
  exportPartial?: boolean;
}

/**
 * The scripted request in a command argument, only when `testMode` (the extension runs under a test runner);
 * undefined otherwise, or when the argument holds none. Only the known fields, each of its type, are kept.
 */
export function scriptedExportRequest(arg: unknown, testMode: boolean): ExportRequest | undefined {
  if (!testMode || !arg || typeof arg !== 'object') return undefined;
  const r = (arg as { exportRequest?: unknown }).exportRequest;
  if (!r || typeof r !== 'object') return undefined;
  const o = r as Record<string, unknown>;
  const out: ExportRequest = {};
  if (Array.isArray(o.connectionIds) && o.connectionIds.every((id) => typeof id === 'string')) out.connectionIds = o.connectionIds as string[];
  if (o.format === 'csv' || o.format === 'json') out.format = o.format;
  if (typeof o.target === 'string') out.target = o.target;
  if (typeof o.exportPartial === 'boolean') out.exportPartial = o.exportPartial;
  return out;
}
