// The add / edit / update-credentials flow: platform, that platform's fields, a label, then verification
// against the platform before anything is saved. On a failure the flow returns to the step that was most
// likely wrong, with the reason shown there and every value kept. Pure (no vscode): the steps go
// through a Prompter, verification through a callback, so unit and integration tests can drive it.
import { PLATFORM_NAMES, type Connection, type Credentials, type Platform } from '../api/model';
import { normaliseBaseUrl } from '../api/baseUrl';
import { ApiError, isApiError } from '../api/errors';
import { isTwoFactorError, vendorWords } from '../api/vendorCodes';
import { clause, joinSentences } from '../text/sentences';
import { t } from '../util/l10n';
import { BACK, type PickItem, type Prompter, type ValidationMessage } from './prompter';
import { decodeJwtClaims } from './reveKey';
import type { StoredConnection } from './types';
import {
  DEFAULT_BASE_URLS, defaultLabel, validateAccountId, validateBaseUrl, validateHelpCrunchKey,
  validateLabel, validateOptionalEmail, validatePassword, validateReveKey, validateRocketToken, validateRocketUserId,
  type Validated,
} from './validation';

export type FieldKey = 'baseUrl' | 'apiKey' | 'accountId' | 'username' | 'password' | 'userId' | 'authToken' | 'label';
const SECRET_FIELDS: ReadonlySet<FieldKey> = new Set(['apiKey', 'password', 'authToken']);

export type FlowMode =
  | { kind: 'add' }
  | { kind: 'edit'; connection: StoredConnection }
  | { kind: 'credentials'; connection: StoredConnection };

export interface FlowDeps {
  prompter: Prompter;
  /** Resolves when the platform accepts these credentials; throws (preferably ApiError) otherwise. */
  verify(connection: Connection, credentials: Credentials, signal: AbortSignal): Promise<void>;
  /** Stored credentials of the connection being edited (to verify with when a secret is left blank). */
  existingCredentials?: Credentials;
  now?: () => number;
}

export interface FlowResult {
  connection: Omit<StoredConnection, 'id'>;
  /** Secrets to store. In edit modes, a field left undefined keeps the stored value. */
  credentials: Credentials;
}

type Values = Partial<Record<FieldKey, string>>;

interface FieldSpec {
  key: FieldKey;
  prompt: string;
  placeholder?: string;
  password?: boolean;
  validate(raw: string): Validated;
  /** The value pre-filled when the step opens (if the user has not typed one yet). */
  initial?(): string | undefined;
  /** The step is on this platform's path but skipped now (REVE Chat's password without a superadmin e-mail). */
  skipped?: boolean;
}

function toMessage(v: Validated): ValidationMessage | undefined {
  if (v.error) return { message: v.error, severity: 'error' };
  if (v.warning) return { message: v.warning, severity: 'warning' };
  return undefined;
}

export interface VerifyFailureHint {
  field: FieldKey;
  message: string;
  /** Other fields that may be the wrong one, with what to say there if the user goes back to them. */
  also?: { field: FieldKey; message: string }[];
}

/** The permissions a `forbidden` error names, quoted and joined: "a" or "b". */
function permissionList(e: ApiError): string {
  return (e.permissions ?? []).map((p) => `"${p}"`).join(t(' or '));
}

/** Which field a verification failure most likely points at, and what to tell the user there. */
export function explainVerifyFailure(platform: Platform, e: unknown, baseUrl: string, fields: FieldKey[]): VerifyFailureHint {
  const keyField: FieldKey = platform === 'rocketchat' ? 'authToken' : 'apiKey';
  const pick = (f: FieldKey): FieldKey => (fields.includes(f) ? f : fields[fields.length - 1]);
  let host = baseUrl;
  try { host = new URL(baseUrl).host; } catch { /* keep as typed */ }
  if (!isApiError(e)) {
    return { field: pick('label'), message: t('Verification failed: {0}', e instanceof Error ? e.message : String(e)) };
  }
  const err: ApiError = e;
  if (isTwoFactorError(err)) {
    return {
      field: pick(keyField),
      message: t('Rocket.Chat asks this user for a two-factor code, which Chatdesk cannot send. Create a personal access token with "Ignore Two Factor Authentication" ticked (avatar → My Account → Personal Access Tokens → Add) and paste it here.'),
    };
  }
  switch (err.kind) {
    case 'auth':
      if (platform === 'rocketchat') {
        // Rocket.Chat looks the user up by ID and token together: a wrong ID and a wrong token get the same 401.
        return {
          field: pick(keyField),
          message: t('Rocket.Chat did not accept this user ID and token together ({0}). It answers the same for a wrong user ID as for a wrong token: check the token, or press Back to check the user ID.', err.message),
          also: fields.includes('userId') ? [{ field: 'userId', message: t('Rocket.Chat did not accept the user ID and token together: check that this is the user ID shown with your personal access token (or in /api/v1/me).') }] : undefined,
        };
      }
      // name what was rejected; the server's own words only when it said something (not one of our stand-ins)
      return {
        field: pick(keyField),
        message: joinSentences([
          t('{0} rejected this API key', PLATFORM_NAMES[platform]),
          ((said) => (said ? t('It said: "{0}"', clause(said)) : undefined))(vendorWords(err)),
          t('Check that it is the whole key, for this account'),
        ]),
      };
    case 'forbidden':
      if (platform === 'rocketchat') {
        return {
          field: pick(keyField),
          message: err.permissions?.length
            ? t('These credentials work, but this Rocket.Chat user may not list agents. Ask an administrator for the {0} permission (the livechat-agent role has one), or use another user\'s ID and token.', permissionList(err))
            : t('These credentials work, but this Rocket.Chat user may not list agents: {0}', err.message),
        };
      }
      if (platform === 'revechat' && fields.includes('accountId')) {
        return { field: 'accountId', message: t('The key works, but REVE Chat refused this account: {0}', err.message) };
      }
      return { field: pick(keyField), message: t('The credentials work but are not allowed to list agents: {0}', err.message) };
    case 'rate-limited':
      return {
        field: pick('label'),
        message: err.retryAfterMs !== undefined
          ? t('The server is limiting requests; try again in {0} s (press Enter).', Math.ceil(err.retryAfterMs / 1000))
          : t('The server is limiting requests; try again in a minute (press Enter).'),
      };
    case 'not-found':
      return { field: pick(platform === 'revechat' ? 'accountId' : 'baseUrl'), message: t('Not found on {0}: {1}', host, err.message) };
    case 'bad-request':
      return { field: pick(platform === 'revechat' ? 'accountId' : keyField), message: t('The server refused the request: {0}', err.message) };
    case 'server':
      return {
        field: pick('label'),
        message: joinSentences([
          t('{0} could not answer ({1})', host, clause(err.message)),
          t('If this goes on, check the server address, or a proxy or firewall in between'),
          t('Press Enter to try again'),
        ]),
      };
    case 'network':
    case 'timeout':
      return { field: pick('baseUrl'), message: t('Could not reach {0}: {1}', host, err.message) };
    case 'malformed':
      return { field: pick('baseUrl'), message: t('{0} did not answer like {1}: {2}', host, PLATFORM_NAMES[platform], err.message) };
    case 'cancelled':
      return { field: pick('label'), message: t('Verification cancelled. Press Enter to try again.') };
    default:
      return { field: pick('label'), message: joinSentences([t('Chatdesk could not verify the connection: {0}', clause(err.message)), t('Press Enter to try again')]) };
  }
}

export async function runConnectionFlow(mode: FlowMode, deps: FlowDeps): Promise<FlowResult | undefined> {
  const { prompter } = deps;
  const now = deps.now ?? Date.now;
  const existing = mode.kind === 'add' ? undefined : mode.connection;
  const editing = mode.kind !== 'add';
  const values: Values = existing
    ? { baseUrl: existing.baseUrl, accountId: existing.accountId, userId: existing.userId, username: existing.username, label: existing.label }
    : {};
  let platform: Platform | undefined = existing?.platform;
  const title = mode.kind === 'add' ? t('Add Chatdesk Connection')
    : mode.kind === 'edit' ? t('Edit Connection: {0}', existing!.label) : t('Update Credentials: {0}', existing!.label);

  const secretSpec = (validate: (v: string) => Validated): ((raw: string) => Validated) =>
    (raw) => (editing && raw === '' ? { value: '' } : validate(raw));
  const unchanged = t('Unchanged: leave empty to keep the stored value');

  const specsFor = (p: Platform): FieldSpec[] => {
    const baseUrl: FieldSpec = {
      key: 'baseUrl',
      prompt: p === 'rocketchat' ? t('Your Rocket.Chat workspace URL') : t('{0} API base URL (change it only for a self-hosted or test server)', PLATFORM_NAMES[p]),
      placeholder: p === 'rocketchat' ? 'https://chat.example.com' : DEFAULT_BASE_URLS[p],
      validate: validateBaseUrl,
      initial: () => DEFAULT_BASE_URLS[p] || undefined,
    };
    const label: FieldSpec = {
      key: 'label',
      prompt: t('A name for this connection'),
      validate: validateLabel,
      initial: () => defaultLabel(p, { accountId: values.accountId, baseUrl: values.baseUrl }),
    };
    if (p === 'revechat') {
      const list: FieldSpec[] = [
        baseUrl,
        {
          key: 'apiKey', password: true,
          prompt: t('REVE Chat Authorization key (Settings → Security → Auth Key)'),
          placeholder: editing ? unchanged : 'eyJhbGciOiJIUzI1NiJ9…',
          validate: secretSpec((raw) => validateReveKey(raw, now())),
        },
        {
          key: 'accountId',
          prompt: t('REVE Chat account ID'),
          placeholder: '8683034',
          validate: validateAccountId,
          initial: () => (values.apiKey ? decodeJwtClaims(values.apiKey)?.accountId : undefined),
        },
        {
          key: 'username',
          prompt: t('Optional: the superadmin e-mail, needed for offline messages (leave empty to skip)'),
          placeholder: 'admin@example.com',
          validate: validateOptionalEmail,
        },
      ];
      // The password step is always on the path, so that the step numbers and the total never change; it is
      // skipped while no superadmin e-mail is given. Update Credentials (no e-mail step) has it only with an e-mail.
      if (values.username || mode.kind !== 'credentials') {
        const hadPassword = !!deps.existingCredentials?.password && existing?.username === values.username;
        list.push({
          key: 'password', password: true,
          prompt: t('Password of {0}', values.username ?? ''),
          placeholder: hadPassword ? unchanged : undefined,
          validate: (raw) => (hadPassword && raw === '' ? { value: '' } : validatePassword(raw, true)),
          skipped: !values.username,
        });
      }
      list.push(label);
      return list;
    }
    if (p === 'rocketchat') {
      return [
        baseUrl,
        { key: 'userId', prompt: t('Your Rocket.Chat user ID (X-User-Id)'), placeholder: 'hw5DThnhQmxDWnavu', validate: validateRocketUserId },
        {
          key: 'authToken', password: true,
          prompt: t('Personal access token (My Account → Personal Access Tokens)'),
          placeholder: editing ? unchanged : undefined,
          validate: secretSpec(validateRocketToken),
        },
        label,
      ];
    }
    return [
      baseUrl,
      {
        key: 'apiKey', password: true,
        prompt: t('HelpCrunch API key (Settings → Developers → Public API)'),
        placeholder: editing ? unchanged : undefined,
        validate: secretSpec(validateHelpCrunchKey),
      },
      label,
    ];
  };

  const fieldsFor = (p: Platform): FieldSpec[] => {
    const all = specsFor(p);
    return mode.kind === 'credentials' ? all.filter((s) => SECRET_FIELDS.has(s.key)) : all;
  };

  const platformStep = mode.kind === 'add' ? 1 : 0;
  let index = 0; // 0 = platform step in add mode
  /** Which way the user is going through the steps: a skipped step is passed over in that direction. */
  let direction: 1 | -1 = 1;
  if (!platformStep) index = 1;
  /** Messages to show when a field's step opens next (after a failed verification). */
  const pending = new Map<FieldKey, string>();

  for (;;) {
    if (index === 0) {
      const items: PickItem<Platform>[] = (['revechat', 'rocketchat', 'helpcrunch'] as Platform[]).map((value) => ({
        value,
        label: PLATFORM_NAMES[value],
        description: value === 'revechat' ? t('agents and offline messages')
          : value === 'rocketchat' ? t('omnichannel agents, available agents') : t('agents'),
      }));
      // No total here: it depends on the platform chosen in this step (REVE Chat 7, Rocket.Chat 5, HelpCrunch 4)
      const chosen = await prompter.pick({
        title, step: 1, totalSteps: undefined,
        canGoBack: false, placeholder: t('Which platform?'), items, active: platform,
      });
      if (chosen === undefined || chosen === BACK) return undefined;
      direction = 1;
      if (chosen !== platform) {
        // a different platform: its fields do not carry over
        for (const k of Object.keys(values) as FieldKey[]) delete values[k];
      }
      platform = chosen;
      index = 1;
      continue;
    }
    const p = platform!;
    const fields = fieldsFor(p);
    if (index > fields.length) {
      // every field done: verify, then hand back what to save
      const draft = buildResult(p, values, mode, deps.existingCredentials);
      const connection: Connection = { id: existing?.id ?? 'new', ...draft.connection };
      const credentials: Credentials = { ...deps.existingCredentials, ...definedOnly(draft.credentials) };
      // REVE Chat with the superadmin login: the key first, then the login, so a failure names the right field
      let stage = 'key' as 'key' | 'login';
      try {
        await prompter.progress(t('Verifying {0}…', draft.connection.label), async (signal) => {
          if (p === 'revechat' && connection.username) {
            const { username: _u, ...keyOnly } = connection;
            await deps.verify(keyOnly, { apiKey: credentials.apiKey }, signal);
            stage = 'login';
          }
          await deps.verify(connection, credentials, signal);
        });
        return draft;
      } catch (e) {
        const keys = fields.filter((f) => !f.skipped).map((f) => f.key);
        const hint: VerifyFailureHint = stage === 'login' && isApiError(e) && (e.kind === 'auth' || e.kind === 'forbidden')
          ? loginFailure(e, keys, connection.username ?? '')
          : explainVerifyFailure(p, e, connection.baseUrl, keys);
        pending.clear();
        for (const other of hint.also ?? []) pending.set(other.field, other.message);
        pending.set(hint.field, hint.message);
        index = fields.findIndex((f) => f.key === hint.field) + 1;
        direction = 1;
        continue;
      }
    }
    const spec = fields[index - 1];
    if (spec.skipped) {
      index += direction;
      if (index === 0 && !platformStep) return undefined;
      continue;
    }
    const said = pending.get(spec.key);
    const initialMessage = said !== undefined ? { message: said, severity: 'error' as const } : undefined;
    pending.delete(spec.key);
    const current = values[spec.key];
    const answer = await prompter.input({
      title,
      field: spec.key,
      step: index + platformStep,
      // every step of the platform's path counts, skipped or not, so the numbers and the total never jump
      totalSteps: fields.length + platformStep,
      canGoBack: index > 1 || platformStep === 1,
      prompt: spec.prompt,
      placeholder: spec.placeholder,
      password: spec.password,
      value: current ?? (spec.password ? undefined : spec.initial?.()),
      validate: (raw) => toMessage(spec.validate(raw)),
      initialMessage,
    });
    if (answer === undefined) return undefined;
    if (answer === BACK) {
      index -= 1;
      direction = -1;
      if (index === 0 && !platformStep) return undefined;
      continue;
    }
    direction = 1;
    const v = spec.validate(answer);
    if (v.error) continue; // a prompter that ignored validation: ask again
    values[spec.key] = v.value;
    if (spec.key === 'username' && !v.value) delete values.password;
    index += 1;
  }
}

/**
 * A REVE Chat superadmin login that failed after the key verified. A 401 is a wrong e-mail or password: back to the
 * password. A 403 means the login works but the user is not a superadmin, which REVE Chat's offline-messages API
 * requires ("Access is denied! Only user with Super Admin role can access the REST API", seed 003 and the legacy
 * docs' "Permission: superadmin"): retyping the password cannot fix that, so the user goes to the e-mail step, told
 * to enter a superadmin's e-mail or to leave it empty and save the connection without offline messages.
 */
function loginFailure(e: ApiError, keys: FieldKey[], username: string): VerifyFailureHint {
  const at = (f: FieldKey): FieldKey => (keys.includes(f) ? f : keys.includes('username') ? 'username' : keys[keys.length - 1]);
  if (e.kind === 'forbidden' && !keys.includes('username')) {
    // Update Credentials asks for secrets only: the e-mail is changed with Edit Connection
    return {
      field: at('password'),
      message: t('The key works, and REVE Chat accepted the login of {0}, but this user is not a superadmin, and only a superadmin may read offline messages ({1}). Use "Edit Connection" to enter the e-mail of a superadmin, or to remove the e-mail and keep the connection without offline messages.', username, e.message),
    };
  }
  if (e.kind === 'forbidden') {
    return {
      field: at('username'),
      message: t('The key works, and REVE Chat accepted the login of {0}, but this user is not a superadmin, and only a superadmin may read offline messages ({1}). Enter the e-mail of a superadmin of this account, or leave this empty to save the connection without offline messages.', username, e.message),
    };
  }
  return { field: at('password'), message: t('The superadmin e-mail or password was rejected: {0}', e.message) };
}

function definedOnly(c: Credentials): Credentials {
  const out: Credentials = {};
  for (const k of Object.keys(c) as (keyof Credentials)[]) if (c[k] !== undefined) out[k] = c[k];
  return out;
}

function buildResult(p: Platform, v: Values, mode: FlowMode, existingCreds: Credentials | undefined): FlowResult {
  const editing = mode.kind !== 'add';
  const secret = (s: string | undefined): string | undefined => (editing && !s ? undefined : s || undefined);
  const existing = mode.kind === 'add' ? undefined : mode.connection;
  const connection: Omit<StoredConnection, 'id'> = {
    ...(existing ? { demo: existing.demo, demoSource: existing.demoSource } : {}),
    label: v.label ?? existing?.label ?? defaultLabel(p, v),
    platform: p,
    baseUrl: normaliseBaseUrl(p, v.baseUrl ?? existing?.baseUrl ?? DEFAULT_BASE_URLS[p]),
  };
  if (!existing?.demo) { delete connection.demo; delete connection.demoSource; }
  const credentials: Credentials = {};
  if (p === 'revechat') {
    connection.accountId = v.accountId;
    if (v.username) connection.username = v.username;
    credentials.apiKey = secret(v.apiKey);
    // no e-mail: no password; e-mail changed: the new password was required
    credentials.password = v.username ? secret(v.password) : (existingCreds?.password ? '' : undefined);
  } else if (p === 'rocketchat') {
    connection.userId = v.userId;
    credentials.authToken = secret(v.authToken);
  } else {
    credentials.apiKey = secret(v.apiKey);
  }
  for (const k of Object.keys(connection) as (keyof typeof connection)[]) if (connection[k] === undefined) delete connection[k];
  return { connection, credentials };
}
