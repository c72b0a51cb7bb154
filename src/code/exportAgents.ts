// Export Agents…: the rows, and the CSV and JSON texts. Pure, no vscode (the command adds the dialogs and progress).
// CSV by csv-stringify (RFC 4180: fields quoted when they hold a comma, quote or line break, quotes doubled, CRLF
// between records), UTF-8 with a byte-order mark so that spreadsheets read names in any script, and its
// `escape_formulas` option: a cell starting with =, +, -, @, tab or carriage return (or their full-width forms) gets
// a leading apostrophe, so that a spreadsheet shows it as text instead of running it (OWASP "CSV Injection").
import { stringify } from 'csv-stringify/sync';
import type { Agent, Connection } from '../api/model';
import { isDateTime } from '../util/dateRange';

export const EXPORT_COLUMNS = ['platform', 'connection', 'id', 'name', 'email', 'role', 'status', 'available', 'departments'] as const;
export type ExportColumn = (typeof EXPORT_COLUMNS)[number];

/** One connection's agents as they go into an export. */
export interface ExportSource {
  connection: Connection;
  agents: readonly Agent[];
  /** The agents come from an earlier session's cache, saved then (epoch ms). */
  cachedAt?: number;
}

/** Departments in one cell: names (or ids) joined by "; ". */
function departmentsCell(agent: Agent): string {
  return agent.departments.map((d) => d.name || d.id).join('; ');
}

/** The cells of one agent, in EXPORT_COLUMNS order (unescaped: the CSV writer escapes). */
export function exportRow(agent: Agent, connection: Connection): string[] {
  return [
    connection.platform, connection.label, agent.id, agent.name ?? '', agent.email ?? '', agent.role ?? '', agent.status,
    agent.available === undefined ? '' : String(agent.available), departmentsCell(agent),
  ];
}

// csv-stringify quotes a field that holds the record delimiter, but with CRLF records that is only a CRLF: a bare LF
// or CR inside a cell would go out unquoted and start a row of its own in any reader (and its first cell, e.g.
// "=2+5", would then run as a formula). So every line break, and edge whitespace a spreadsheet would trim, is quoted.
const CSV_OPTIONS = { record_delimiter: 'windows', escape_formulas: true, quoted_match: /[\r\n]|^\s|\s$/ } as const;

/**
 * CSV text for `rows` (each from exportRow). `first`: the first chunk of a file, which gets the byte-order mark and
 * the header; later chunks of the same export continue it.
 */
export function csvChunk(rows: readonly (readonly string[])[], first: boolean): string {
  const records = first ? [[...EXPORT_COLUMNS], ...rows] : rows;
  const text = stringify(records as string[][], CSV_OPTIONS);
  return first ? `\ufeff${text}` : text;
}

/** One agent as a JSON export object: the same facts as the CSV columns, departments as objects, no raw data. */
export function exportObject(agent: Agent, connection: Connection): Record<string, unknown> {
  return {
    platform: connection.platform,
    connection: { id: connection.id, label: connection.label },
    id: agent.id,
    name: agent.name ?? null,
    email: agent.email ?? null,
    role: agent.role ?? null,
    status: agent.status,
    available: agent.available ?? null,
    departments: agent.departments.map((d) => ({ id: d.id, name: d.name })),
  };
}

/**
 * The JSON export: `{ exportedAt, agents: [...] }`, pretty-printed; with `cached: [{ connection, savedAt }]` when a
 * connection's agents come from an earlier session's cache (ISO times).
 */
export function exportJson(sources: readonly ExportSource[], exportedAt: Date): string {
  const agents = sources.flatMap((s) => s.agents.map((a) => exportObject(a, s.connection)));
  const cached = sources.filter((s) => isDateTime(s.cachedAt))
    .map((s) => ({ connection: { id: s.connection.id, label: s.connection.label }, savedAt: new Date(s.cachedAt!).toISOString() }));
  return `${JSON.stringify({ exportedAt: exportedAt.toISOString(), ...(cached.length ? { cached } : {}), agents }, null, 2)}\n`;
}
