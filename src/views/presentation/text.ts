// Presentation helpers that are not about text safety (counts, tree ids), and the text-safety functions the tree
// nodes and commands use, from their one home in src/text.
export { MAX_LABEL, notificationText, plainText, quickPickText } from '../../text/plain';

// Made on first use: creating an Intl formatter costs ~10 ms of ICU start-up, which activation must not pay.
let numberFormat: Intl.NumberFormat | undefined;
export function formatCount(n: number): string {
  return (numberFormat ??= new Intl.NumberFormat('en-US')).format(n);
}

/** A string as a piece of a TreeItem id: URI-encoded (no "/" collisions), lone surrogates replaced. Never throws. */
export function idPart(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return encodeURIComponent(value.replace(/[\ud800-\udfff]/g, (c, i: number, str: string) => {
      const code = c.charCodeAt(0);
      const pairedHigh = code <= 0xdbff && /[\udc00-\udfff]/.test(str[i + 1] ?? '');
      const pairedLow = code >= 0xdc00 && /[\ud800-\udbff]/.test(str[i - 1] ?? '');
      return pairedHigh || pairedLow ? c : `%u${code.toString(16)}`;
    }));
  }
}
