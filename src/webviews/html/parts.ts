// Small HTML building blocks the panels share. Every data value goes through escapeHtml here; labels are
// our own (translated) strings and are escaped too, so nothing a translator writes becomes markup either.
import { platformName } from '../../api/model';
import { isDateTime } from '../../util/dateRange';
import { t } from '../../util/l10n';
import type { CopyField } from '../protocol';
import { escapeHtml } from './escape';


export type DateFormat = (epochMs: number) => string;

const formatters = new Map<string, DateFormat>();

/**
 * Formats epoch ms as a date and time in `locale` (falling back to the runtime's default if it is invalid). With a
 * time zone, one formatter per locale and zone is kept (making an Intl.DateTimeFormat costs far more than formatting
 * with it); without one, it is made each time, so that it follows the system's zone.
 */
export function dateFormatter(locale: string, timeZone?: string): DateFormat {
  if (!timeZone) return makeDateFormatter(locale);
  const key = `${locale}\u0000${timeZone}`;
  let format = formatters.get(key);
  if (!format) {
    if (formatters.size >= 16) formatters.clear();
    format = makeDateFormatter(locale, timeZone);
    formatters.set(key, format);
  }
  return format;
}

function makeDateFormatter(locale: string, timeZone?: string): DateFormat {
  const options: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'medium' };
  const attempts: [string | undefined, string | undefined][] = [[locale, timeZone], [locale, undefined], [undefined, timeZone], [undefined, undefined]];
  for (const [l, tz] of attempts) {
    try {
      const f = new Intl.DateTimeFormat(l, tz ? { ...options, timeZone: tz } : options);
      return (ms) => f.format(ms);
    } catch {
      // invalid locale or time zone: try the next, more general, combination
    }
  }
  return (ms) => new Date(ms).toISOString();
}

/** A `<time>` element in the user's locale, with the raw epoch and ISO form in its tooltip; a dash when unknown. */
export function timeHtml(ms: number | undefined, format: DateFormat): string {
  if (!isDateTime(ms)) return `<span class="muted">${escapeHtml(t('Unknown'))}</span>`;
  const iso = new Date(ms).toISOString();
  return `<time datetime="${escapeHtml(iso)}" title="${escapeHtml(`${ms} (${iso})`)}">${escapeHtml(format(ms))}</time>`;
}

/** Untrusted inline text, isolated so that direction overrides inside it cannot reorder what surrounds it. */
export function textHtml(value: string | undefined, emptyText?: string): string {
  if (value === undefined || value === '') return `<span class="muted">${escapeHtml(emptyText ?? t('None'))}</span>`;
  return `<span class="value" dir="auto">${escapeHtml(value)}</span>`;
}

export interface Field {
  label: string;
  /** Trusted HTML (built from escaped parts). */
  html: string;
}

export function fieldsHtml(fields: readonly Field[], className = 'fields'): string {
  const rows = fields.map((f) => `<dt>${escapeHtml(f.label)}</dt><dd>${f.html}</dd>`);
  return `<dl class="${className}">${rows.join('')}</dl>`;
}

/** A copy button; the page posts `{type:'copy', field}` and the host copies from its own data. */
export function copyButtonHtml(field: CopyField, label: string, withText = false): string {
  const text = withText ? `<span class="button-label">${escapeHtml(label)}</span>` : '';
  return `<button type="button" class="copy${withText ? ' with-label' : ' icon-only'}" data-copy="${field}" title="${escapeHtml(label)}" aria-label="${escapeHtml(label)}"><i class="codicon codicon-copy" aria-hidden="true"></i>${text}</button>`;
}

export { platformName };

/** The platform's object, pretty-printed; never throws (cycles, BigInt, functions). */
export function rawJson(raw: unknown): string {
  try {
    const seen = new WeakSet<object>();
    const json = JSON.stringify(raw, (_key, value: unknown) => {
      if (typeof value === 'bigint') return value.toString();
      if (typeof value === 'object' && value !== null) {
        if (seen.has(value)) return '[circular]';
        seen.add(value);
      }
      return value;
    }, 2);
    return json ?? 'null';
  } catch {
    return 'null';
  }
}

/** The collapsible raw JSON block. */
export function rawJsonHtml(raw: unknown): string {
  // The newline after <pre> is consumed by the parser, so JSON text that starts with one still shows it.
  return `<details class="raw"><summary>${escapeHtml(t('Raw JSON'))}</summary><pre class="json">\n${escapeHtml(rawJson(raw))}</pre></details>`;
}
