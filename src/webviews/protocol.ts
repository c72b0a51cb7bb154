// The typed messages a detail panel's page may send to the host. Everything else is rejected.
// The page only ever names WHAT to copy; the host picks the text from its own data, and never runs a
// command (or anything else) named by the page. Shared by the host and the page script: no node, no vscode.

export const COPY_FIELDS = ['id', 'email', 'json', 'message'] as const;
export type CopyField = (typeof COPY_FIELDS)[number];

export type PageMessage =
  | { readonly type: 'ready' }
  | { readonly type: 'copy'; readonly field: CopyField };

/** What the host tells the page: whether a copy it asked for worked (the page then shows a check or an error). */
export type HostMessage = { readonly type: 'copied'; readonly field: CopyField; readonly ok: boolean };

const MAX_STRING = 32;

export function isCopyField(value: unknown): value is CopyField {
  return typeof value === 'string' && value.length <= MAX_STRING && (COPY_FIELDS as readonly string[]).includes(value);
}

/** Own data properties of a plain object, or undefined for anything else (arrays, class instances, accessors). */
function plainProperties(value: unknown): Map<string, unknown> | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return undefined;
  const props = new Map<string, unknown>();
  for (const key of Reflect.ownKeys(value)) {
    if (typeof key !== 'string') return undefined;
    const d = Object.getOwnPropertyDescriptor(value, key);
    if (!d || !('value' in d)) return undefined;
    props.set(key, d.value);
  }
  return props;
}

/** Validates a message from the page: exactly one of the protocol's shapes, no extra fields. */
export function parsePageMessage(message: unknown): PageMessage | undefined {
  const props = plainProperties(message);
  if (!props) return undefined;
  const type = props.get('type');
  if (type === 'ready' && props.size === 1) return { type: 'ready' };
  if (type === 'copy' && props.size === 2 && props.has('field')) {
    const field = props.get('field');
    if (isCopyField(field)) return { type: 'copy', field };
  }
  return undefined;
}

export function isPageMessage(message: unknown): message is PageMessage {
  return parsePageMessage(message) !== undefined;
}

/** A short, bounded, never-throwing preview of a rejected message, for the log (redact it before logging). */
export function previewMessage(message: unknown, max = 200): string {
  let text: string;
  if (typeof message === 'string') {
    text = JSON.stringify(message.length > max ? message.slice(0, max) : message);
  } else {
    try {
      const seen = new WeakSet<object>();
      text = JSON.stringify(message, (_k, v: unknown) => {
        if (typeof v === 'string' && v.length > max) return `${v.slice(0, max)}…`;
        if (typeof v === 'bigint') return `${v.toString()}n`;
        if (typeof v === 'function' || typeof v === 'symbol') return `[${typeof v}]`;
        if (typeof v === 'object' && v !== null) {
          if (seen.has(v)) return '[circular]';
          seen.add(v);
        }
        return v;
      }) ?? String(message);
    } catch {
      text = `[unserialisable ${typeof message}]`;
    }
  }
  // eslint-disable-next-line no-control-regex
  text = text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, '?');
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
