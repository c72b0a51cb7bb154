// The last redaction pass over a whole tool result, which must not break its structure. Every value was already
// redacted before it was quoted (modelText.ts: the value redactor), so a mask lands inside its JSON string; this pass
// is a safety net for Chatdesk's own text around the values. Redacting quoted text again can cut a JSON string short
// (a key such as `token: \"[redacted]"` seen one escaping level off masks the closing quote), so a line is replaced
// by its redaction only when the redaction keeps every JSON string on it whole. Pure, no vscode.

/** JSON string literals as they appear in a line. */
const JSON_STRING = /"(?:[^"\\]|\\.)*"/g;

/** `line` with each JSON string literal as `""`, or undefined when one of them does not parse. */
function skeleton(line: string): string | undefined {
  let ok = true;
  const out = line.replace(JSON_STRING, (lit) => {
    try {
      JSON.parse(lit);
    } catch {
      ok = false;
    }
    return '""';
  });
  return ok ? out : undefined;
}

/**
 * `text` with `redact` applied line by line, keeping a line as it was where redaction would change anything outside its
 * JSON strings or leave one of them broken (its values were redacted before quoting with the same function). A text redaction leaves alone is returned
 * as it was.
 */
export function redactResult(text: string, redact: (s: string) => string): string {
  if (redact(text) === text) return text;
  return text.split('\n').map((line) => {
    const r = redact(line);
    // only inside the strings: the text around them (labels, JSON structure, Chatdesk's words) stays as it was
    return r !== line && skeleton(r) !== undefined && skeleton(r) === skeleton(line) ? r : line;
  }).join('\n');
}
