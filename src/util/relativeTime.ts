// "3 h ago" style times for tree descriptions. Pure (no vscode), translated through util/l10n.
import { isDateTime } from './dateRange';
import { t } from './l10n';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

export function relativeTime(epochMs: number | undefined, now: number = Date.now()): string {
  // a time no Date can hold (data from a damaged file or server) says nothing
  if (!isDateTime(epochMs)) return '';
  const diff = now - epochMs;
  if (diff < -MIN) return t('in the future');
  if (diff < MIN) return t('just now');
  if (diff < HOUR) return t('{0} min ago', Math.floor(diff / MIN));
  if (diff < DAY) return t('{0} h ago', Math.floor(diff / HOUR));
  if (diff < 30 * DAY) return t('{0} d ago', Math.floor(diff / DAY));
  return new Date(epochMs).toISOString().slice(0, 10);
}
