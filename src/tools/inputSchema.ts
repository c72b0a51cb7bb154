// Every tool's input checked against its `inputSchema` in package.json (`contributes.languageModelTools`), the one
// truth for what a tool takes. VS Code hands a tool whatever the model sent without checking it (vscode.lm.invokeTool
// does no validation), so a missing, wrong-typed, too long or unknown field is answered here, for the model, with
// sentences that say what is wrong and what the tool expects: never a stack, "undefined" or a silent guess.
// JSON Schema validation by Ajv (the validator VS Code's own JSON language service family and most MCP hosts use).
// No vscode.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import type { ToolName } from './runner';
import { count, quoteCapped, quoteForModel } from './modelText';

/** The part of JSON Schema the tools' inputs use. */
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean;
  enum?: unknown[];
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  default?: unknown;
  description?: string;
}

export type ToolSchemas = Partial<Record<ToolName, JsonSchema>>;

/** How a tool is named in the answers: what it does and its `#` reference. */
const TOOL_TITLES: Record<ToolName, string> = {
  chatdesk_findAgents: 'find agents tool (#chatdeskAgents)',
  chatdesk_getAgent: 'agent details tool (#chatdeskAgent)',
  chatdesk_listConnections: 'list connections tool (#chatdeskConnections)',
  chatdesk_offlineMessages: 'offline messages tool (#chatdeskOfflineMessages)',
};

/** Most problems listed in one answer (a model that sent 500 unknown fields gets the first ones and a count). */
const MAX_PROBLEMS = 8;

/** The input schemas of a manifest (package.json as parsed): `contributes.languageModelTools[].inputSchema` by name. */
export function toolSchemasOf(manifest: unknown): ToolSchemas {
  const tools = (manifest as { contributes?: { languageModelTools?: unknown } } | undefined)?.contributes?.languageModelTools;
  const out: ToolSchemas = {};
  if (!Array.isArray(tools)) return out;
  for (const t of tools as { name?: unknown; inputSchema?: unknown }[]) {
    if (typeof t?.name === 'string' && t.name in TOOL_TITLES && t.inputSchema && typeof t.inputSchema === 'object') {
      out[t.name as ToolName] = t.inputSchema as JsonSchema;
    }
  }
  return out;
}

/** The input schemas from the extension's package.json (read once, on the first tool call). Throws when it cannot. */
export function readToolSchemas(extensionPath: string): ToolSchemas {
  return toolSchemasOf(JSON.parse(readFileSync(join(extensionPath, 'package.json'), 'utf8')));
}

/** What a value is, in words, for "… not <that>": `the number 500`, `the text "abc"`, `a list`, `null`. */
function describeValue(v: unknown): string {
  if (v === null) return 'null';
  if (v === undefined) return 'nothing';
  if (Array.isArray(v)) return `a list of ${count(v.length)} item${v.length === 1 ? '' : 's'}`;
  switch (typeof v) {
    case 'string': return v.length > 60 ? `a text of ${count(v.length)} characters` : `the text ${quoteForModel(v)}`;
    case 'number': return Number.isFinite(v) ? `the number ${String(v)}` : 'a number that is not finite';
    case 'boolean': return `the value ${String(v)}`;
    case 'object': return 'an object';
    default: return `a value of type ${typeof v}`;
  }
}

/** What one property takes, in words: "text of at most 200 characters", "a whole number from 1 to 50 (default 20)". */
function describeType(s: JsonSchema): string {
  let what: string;
  if (s.enum) what = `one of ${s.enum.map((v) => quoteForModel(String(v))).join(', ')}`;
  else if (s.type === 'string') what = s.maxLength !== undefined ? `text of at most ${count(s.maxLength)} characters` : 'text';
  else if (s.type === 'boolean') what = 'true or false';
  else if (s.type === 'integer' || s.type === 'number') {
    const noun = s.type === 'integer' ? 'a whole number' : 'a number';
    what = s.minimum !== undefined && s.maximum !== undefined ? `${noun} from ${s.minimum} to ${s.maximum}`
      : s.minimum !== undefined ? `${noun} of at least ${s.minimum}` : s.maximum !== undefined ? `${noun} of at most ${s.maximum}` : noun;
  } else what = Array.isArray(s.type) ? s.type.join(' or ') : s.type ?? 'any value';
  if (s.default !== undefined) what += ` (default ${JSON.stringify(s.default)})`;
  return what;
}

/** "It takes a JSON object with: query (required): text …; platform: one of …." */
function expected(schema: JsonSchema): string {
  const props = Object.entries(schema.properties ?? {});
  if (props.length === 0) return 'It takes no input: call it with an empty object {}.';
  const required = new Set(schema.required ?? []);
  const fields = props.map(([name, s]) => `${name}${required.has(name) ? ' (required)' : ''}: ${describeType(s)}`);
  const extra = schema.additionalProperties === false ? ' No other fields.' : '';
  return `It takes a JSON object with: ${fields.join('; ')}.${extra}`;
}

function propertyName(e: ErrorObject): string {
  // instancePath is a JSON pointer ("/limit"); the tools' inputs are flat
  const name = e.instancePath.replace(/^\//, '').replace(/~1/g, '/').replace(/~0/g, '~');
  return name;
}

/** One problem in words, or undefined for an error another one already says (Ajv reports `type` and `enum` both). */
function problemText(e: ErrorObject, input: unknown, schema: JsonSchema): string | undefined {
  const name = propertyName(e);
  const value = name ? (input as Record<string, unknown>)[name] : input;
  const field = quoteForModel(name);
  const s = (name ? schema.properties?.[name] : schema) ?? {};
  switch (e.keyword) {
    case 'required': {
      const missing = String((e.params as { missingProperty?: unknown }).missingProperty ?? '');
      const ms = schema.properties?.[missing];
      return `${quoteForModel(missing)} is missing${ms ? `: it must be ${describeType(ms)}` : ''}.`;
    }
    case 'additionalProperties': {
      const extra = String((e.params as { additionalProperty?: unknown }).additionalProperty ?? '');
      return `${quoteCapped(extra, 60)} is not an input of this tool.`;
    }
    case 'type':
      if (!name) return `The input must be a JSON object, not ${describeValue(value)}.`;
      return `${field} must be ${describeType(s)}, not ${describeValue(value)}.`;
    case 'enum':
    case 'minimum':
    case 'maximum':
      return `${field} must be ${describeType(s)}, not ${describeValue(value)}.`;
    case 'maxLength':
      return `${field} is ${count(typeof value === 'string' ? value.length : 0)} characters long; it must be ${describeType(s)}.`;
    default:
      return `${field} does not fit the schema (${quoteCapped(e.message ?? e.keyword, 120)}).`;
  }
}

/**
 * Checks tool inputs against their schemas. `check` returns undefined for an input that fits, else the whole
 * answer for the model: what is wrong (each field once), what the tool expects, and that nothing was done.
 */
export class ToolInputValidator {
  private readonly ajv = new Ajv({ allErrors: true, strict: false });
  private readonly compiled = new Map<ToolName, ValidateFunction>();

  constructor(private readonly schemas: ToolSchemas) {}

  check(tool: ToolName, input: unknown): string | undefined {
    const schema = this.schemas[tool];
    if (!schema) return undefined;
    let validate = this.compiled.get(tool);
    if (!validate) {
      validate = this.ajv.compile(schema);
      this.compiled.set(tool, validate);
    }
    if (validate(input)) return undefined;
    const problems: string[] = [];
    const said = new Set<string>();
    for (const e of validate.errors ?? []) {
      // one problem per field: a wrong type also fails the enum or the bounds
      const key = e.keyword === 'required' || e.keyword === 'additionalProperties' ? `${e.keyword}:${JSON.stringify(e.params)}` : e.instancePath;
      if (said.has(key)) continue;
      said.add(key);
      const text = problemText(e, input, schema);
      if (text) problems.push(text);
    }
    const shown = problems.slice(0, MAX_PROBLEMS).map((p) => `- ${p}`);
    if (problems.length > MAX_PROBLEMS) shown.push(`- … and ${count(problems.length - MAX_PROBLEMS)} more problems.`);
    return [
      `Chatdesk did not run the ${TOOL_TITLES[tool]}: its input does not fit the tool's schema.`,
      ...shown,
      expected(schema),
      'Call the tool again with input that fits.',
    ].join('\n');
  }
}
