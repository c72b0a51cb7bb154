// The typed messages a detail panel's page may send to the host. Everything else is rejected.
// The page only ever names WHAT to copy; the host picks the text from its own data, and never runs a
// command (or anything else) named by the page. Shared by the host and the page script: no node, no vscode.
import { NOT_IN_ONE_LINE } from '../text/characters';
import { bound, truncate } from '../text/truncate';

export const COPY_FIELDS = ['id', 'email', 'json', 'message'] as const;
export type CopyField = (typeof COPY_FIELDS)[number];

export type PageMessage =
  | { readonly type: 'ready' }
  | { readonly type: 'copy'; readonly field: CopyField };

/** What the host tells the page: whether a copy it asked for worked (the page then shows a check or an error). */
export type HostMessage = { readonly type: 'copied'; readonly field: CopyField; readonly ok: boolean };

const MAX_STRING = 32;
/** Code units of a rejected message read for its preview (work bound; the preview itself is far shorter). */
const PREVIEW_SOURCE = 16_384;

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

/**
 * A short, bounded, never-throwing preview of a rejected message, for the log: serialised, passed through
 * `sanitise` (redaction) BEFORE it is cut to `max`, one line, never cut in half an emoji or a `[redacted]`.
 */
export function previewMessage(message: unknown, max = 200, sanitise: (text: string) => string = (t) => t): string {
  // a bound on the work only, far beyond what is shown: a secret cut here can never reach the preview
  const cap = (s: string) => bound(s, PREVIEW_SOURCE).text;
  let text: string;
  if (typeof message === 'string') {
    text = JSON.stringify(cap(message));
  } else {
    try {
      const seen = new WeakSet<object>();
      text = JSON.stringify(message, (_k, v: unknown) => {
        if (typeof v === 'string') return cap(v);
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
  return truncate(sanitise(cap(text)).replace(NOT_IN_ONE_LINE, '?'), max);
}
