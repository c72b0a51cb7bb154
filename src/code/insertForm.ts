// The text that puts an agent's ID where the cursor is, in the form the place needs: a bare number, a quoted string
// where the code needs one (a Rocket.Chat id outside quotes), or the ID escaped for the quotes it goes into. Pure.

/** Languages whose unquoted values are strings (config and shell formats): safe IDs go in bare. */
const BARE_STRING_LANGUAGES = new Set(['yaml', 'dotenv', 'properties', 'ini', 'shellscript', 'plaintext', 'markdown']);

/** A number that any language reads as the same integer. */
export function isPlainNumber(id: string): boolean {
  return /^[1-9]\d{0,15}$/.test(id);
}

/** `id` escaped for the inside of a string delimited by `quote` in `languageId`. */
export function escapeForQuote(id: string, quote: string, languageId: string): string {
  const json = JSON.stringify(id).slice(1, -1); // escapes \, ", controls; well-formed for lone surrogates
  if (quote === '"') return json;
  if (quote === "'") {
    if (languageId === 'yaml') return id.replace(/'/g, "''").replace(/[\r\n]+/g, ' ');
    return json.replace(/\\"/g, '"').replace(/'/g, "\\'");
  }
  // template literal
  return json.replace(/\\"/g, '"').replace(/`/g, '\\`').replace(/\$\{/g, '\\${');
}

/**
 * What to insert for `id`. `site.quote`: the quote the cursor is in (the insert then goes inside it, and closes it
 * unless `site.closed`); without one, a plain number goes in bare, anything else as a double-quoted string (valid
 * in JSON, JavaScript, TypeScript, Python, YAML, TOML), or bare in config formats when it is only letters and digits.
 */
export function idInsertText(id: string, site: { quote?: string; closed?: boolean }, languageId: string): string {
  if (site.quote) return escapeForQuote(id, site.quote, languageId) + (site.closed ? '' : site.quote);
  if (isPlainNumber(id)) return id;
  if (BARE_STRING_LANGUAGES.has(languageId) && /^[A-Za-z0-9_.-]+$/.test(id)) return id;
  return JSON.stringify(id);
}
