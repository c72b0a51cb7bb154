// Show Available Agents: the words for what each source gave, which one could not be read and why. Pure.
import type { ApiError } from '../../api/errors';
import type { AvailableAgents, AvailableAgentsSource } from '../../api/model';
import { t } from '../../util/l10n';
import { plainText } from './text';

/** Why a source gave nothing, in one line: the missing permission where the server said so, else its message. */
export function sourceFailure(error: ApiError): string {
  if (error.kind === 'forbidden' && error.permissions?.length) {
    return t('needs the {0} permission', error.permissions.map((p) => `"${p}"`).join(t(' or ')));
  }
  return plainText(error.message, 160);
}

/** The sources that failed (not those the server does not have). */
export function failedSources(result: AvailableAgents): (AvailableAgentsSource & { error: ApiError })[] {
  return result.sources.filter((s): s is AvailableAgentsSource & { error: ApiError } => !!s.error);
}

/** Whether nothing could be read: every source failed or is absent, and at least one failed. */
export function allSourcesFailed(result: AvailableAgents): boolean {
  return failedSources(result).length > 0 && result.sources.every((s) => s.error || s.absent);
}

/** The quick pick's title: the connection, the count, and "(1 of 2 sources)" when one could not be read. */
export function availableAgentsTitle(connectionLabel: string, result: AvailableAgents): string {
  const answered = result.sources.filter((s) => !s.error && !s.absent).length;
  const asked = result.sources.filter((s) => !s.absent).length;
  const base = t('Available agents: {0} ({1})', plainText(connectionLabel, 80), result.agents.length);
  return answered < asked ? t('{0} · {1} of {2} sources could be read', base, answered, asked) : base;
}

/** One separator line per source that could not be read: "Not read: <endpoint>: <why>". */
export function failedSourceLines(result: AvailableAgents): string[] {
  return failedSources(result).map((s) => t('Not read: {0} ({1})', s.endpoint, sourceFailure(s.error)));
}

/** The error when every source failed: the connection, and each source's reason (missing permissions named). */
export function allFailedMessage(connectionLabel: string, result: AvailableAgents): string {
  const failed = failedSources(result);
  const name = plainText(connectionLabel, 80);
  if (failed.every((s) => s.error.kind === 'auth')) {
    return t('Chatdesk: {0}: the credentials were rejected ({1})', name, plainText(failed[0].error.message, 200));
  }
  const reasons = failed.map((s) => t('{0}: {1}', s.endpoint, sourceFailure(s.error)));
  return t('Chatdesk: {0}: no source of available agents could be read. {1}', name, reasons.join('; '));
}
