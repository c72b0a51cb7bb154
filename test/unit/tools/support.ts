// Reading a tool result as a model would, to check what the tools promise: every block of visitor text is whole
// (opened and closed by the result's own boundary), holds only `label: "JSON string"` lines, and nothing of the
// visitors' text is outside a block. Shared by the unit and integration tests of src/tools.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { readToolSchemas } from '../../../src/tools/inputSchema';
import { UNTRUSTED_TAG } from '../../../src/tools/untrustedBlock';

/** The tools' input schemas of package.json, read as the extension reads them. */
export const INPUT_SCHEMAS = readToolSchemas(path.join(__dirname, '../../..'));

export interface ParsedBlock {
  /** label → decoded value (JSON.parse of the quoted part). */
  fields: Map<string, string>;
  /** The raw lines between the tags. */
  lines: string[];
}

export interface ParsedResult {
  boundary?: string;
  blocks: ParsedBlock[];
  /** Every line outside the blocks (tags excluded). */
  outside: string[];
}

const OPEN = new RegExp(`^<${UNTRUSTED_TAG} boundary="([0-9a-f]{24})">$`);
const FIELD = /^([a-z0-9 -]+): ("(?:[^"\\]|\\.)*")( \(cut at [\d,]+ of [\d,]+ characters\))?$/;

/** Splits a result into its blocks and the rest; asserts the structure on the way. */
export function parseResult(text: string): ParsedResult {
  const out: ParsedResult = { blocks: [], outside: [] };
  let current: ParsedBlock | undefined;
  for (const line of text.split('\n')) {
    const open = OPEN.exec(line);
    if (open) {
      assert.equal(current, undefined, `a block opens inside a block: ${line}`);
      if (out.boundary === undefined) out.boundary = open[1];
      assert.equal(open[1], out.boundary, 'every block of one result has the same boundary');
      current = { fields: new Map(), lines: [] };
      continue;
    }
    if (current && line === `</${UNTRUSTED_TAG} boundary="${out.boundary}">`) {
      out.blocks.push(current);
      current = undefined;
      continue;
    }
    if (current) {
      const m = FIELD.exec(line);
      assert.ok(m, `a line inside a block is not one quoted field: ${JSON.stringify(line.slice(0, 200))}`);
      current.lines.push(line);
      current.fields.set(m[1], JSON.parse(m[2]) as string);
      continue;
    }
    out.outside.push(line);
  }
  assert.equal(current, undefined, 'a block is never closed');
  return out;
}

/** Characters that must never appear raw in a quoted value: angle brackets, line breaks, invisible characters. */
export const UNSAFE_IN_VALUE = /[<>\n\r\u2028\u2029\u0085\p{Default_Ignorable_Code_Point}\p{Cc}\p{Cf}]/u;
