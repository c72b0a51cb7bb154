// Show Available Agents: the words for what each source gave, which one could not be read and why. Pure.
import type { ApiError } from '../../api/errors';
import type { AvailableAgents, AvailableAgentsSource } from '../../api/model';
import { joinClauses, sentence } from '../../text/sentences';
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

/** One line per source that could not be read: "Not read: <endpoint> (<why>)", for a notification (not cut). */
export function failedSourceLines(result: AvailableAgents): string[] {
  return failedSources(result).map((s) => t('Not read: {0} ({1})', s.endpoint, sourceFailure(s.error)));
}

/**
 * The longest texts VS Code 1.100's quick pick shows whole at its default width (about 600 px): a separator's label
 * is drawn small at the right of a row, and a label and a detail each get one line; longer ones are cut with "…".
 */
export const QUICK_PICK_LIMITS = { separator: 40, label: 60, detail: 90 } as const;

/** A source that could not be read, as a quick-pick item: short label and detail, the whole reason in `message`. */
export interface SourceNote {
  label: string;
  detail: string;
  /** Everything the user needs (endpoint, reason, what to do), uncut: shown when the item is chosen. */
  message: string;
}

/** The endpoint without its query, for a short label: `livechat/users/agent`. */
function endpointPath(endpoint: string): string {
  return endpoint.split('?')[0];
}

/**
 * What the Show Available Agents quick pick says about the sources it could not read: a separator short enough to
 * be shown whole ("1 of 2 sources not read"), then one item per source with the reason in its detail; choosing the
 * item shows `message`, the whole text. Undefined when every source was read.
 */
export function failedSourceNotes(result: AvailableAgents): { separator: string; notes: SourceNote[] } | undefined {
  const failed = failedSources(result);
  if (!failed.length) return undefined;
  const asked = result.sources.filter((s) => !s.absent).length;
  const notes = failed.map((s): SourceNote => {
    const forbidden = s.error.kind === 'forbidden';
    const permissions = s.error.permissions?.length ? s.error.permissions.map((p) => `"${p}"`).join(t(' or ')) : undefined;
    const detail = forbidden && permissions
      ? t('Needs the {0} permission', permissions)
      : plainText(s.error.message, QUICK_PICK_LIMITS.detail);
    const advice = forbidden
      ? (permissions ? t('Ask an administrator of the Rocket.Chat server for the {0} permission.', permissions) : t('Ask an administrator of the Rocket.Chat server for the permission.'))
      : t('Details are in the Chatdesk log.');
    return {
      label: plainText(t('Not read: {0}', endpointPath(s.endpoint)), QUICK_PICK_LIMITS.label),
      detail: plainText(detail, QUICK_PICK_LIMITS.detail),
      message: [sentence(t('Chatdesk could not read {0}: {1}', s.endpoint, plainText(s.error.message, 300))), advice].join(' '),
    };
  });
  return { separator: t('{0} of {1} sources not read', failed.length, asked), notes };
}

/** The error when every source failed: the connection, and each source's reason (missing permissions named). */
export function allFailedMessage(connectionLabel: string, result: AvailableAgents): string {
  const failed = failedSources(result);
  const name = plainText(connectionLabel, 80);
  if (failed.every((s) => s.error.kind === 'auth')) {
    return t('Chatdesk: {0}: the credentials were rejected ({1})', name, plainText(failed[0].error.message, 200));
  }
  const reasons = failed.map((s) => t('{0}: {1}', s.endpoint, sourceFailure(s.error)));
  return t('Chatdesk: {0}: no source of available agents could be read. {1}', name, sentence(joinClauses(reasons)));
}
