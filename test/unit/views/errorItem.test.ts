// The error item of a connection: what it says and which actions its menus offer, per kind of failure. The menus
// are read from package.json and matched as VS Code matches `viewItem =~ /…/` (issue 9, items 1, 5 and 8).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { ApiError } from '../../../src/api/errors';
import { twoFactorMessage } from '../../../src/api/vendorCodes';
import { KEYRING_HELP_URL, KeyringError } from '../../../src/connections/keyring';
import { errorTooltip, presentError } from '../../../src/views/presentation/error';
import { renderedText } from '../hardening/textChecks';

interface MenuEntry { command: string; when?: string; group?: string }
const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', '..', 'package.json'), 'utf8')) as {
  contributes: { menus: Record<string, MenuEntry[]> };
};

/** The commands VS Code shows (inline and in the context menu) for a tree item with `contextValue` in the Agents view. */
function offered(contextValue: string): string[] {
  const out = new Set<string>();
  for (const entry of pkg.contributes.menus['view/item/context']) {
    const when = entry.when ?? '';
    const view = /view =~ \/(.+?)\/(?: |$)/.exec(when);
    if (view && !new RegExp(view[1]).test('chatdesk.agents')) continue;
    const item = /viewItem =~ \/(.+?)\/(?: |$)/.exec(when);
    if (item && new RegExp(item[1]).test(contextValue)) out.add(entry.command);
  }
  return [...out].sort();
}

const forbidden = new ApiError('forbidden', 'Rocket.Chat accepted the user ID and token, but this user may not list omnichannel agents (unauthorized).', {
  status: 403, code: 'unauthorized', permissions: ['edit-omnichannel-contact', 'transfer-livechat-guest'],
});

describe('error item (issue 9)', () => {
  it('a missing permission says so, names the permission, offers Show Logs and retry, and not Update Credentials', () => {
    const p = presentError(forbidden, 'agents/c1');
    assert.match(p.label, /Missing permission: ask an administrator for "edit-omnichannel-contact" or "transfer-livechat-guest"/);
    assert.match(p.description ?? '', /credentials work/);
    assert.deepEqual(offered(p.contextValue ?? ''), ['chatdesk.refreshConnection', 'chatdesk.showLogs']);
    assert.match(renderedText(errorTooltip(forbidden)), /The credentials work, but the user lacks a permission/);
    assert.doesNotMatch(renderedText(errorTooltip(forbidden)), /Update Credentials/);
  });

  it('rejected credentials keep Update Credentials', () => {
    const p = presentError(new ApiError('auth', 'You must be logged in to do this.', { status: 401 }), 'agents/c1');
    assert.deepEqual(offered(p.contextValue ?? ''), ['chatdesk.refreshConnection', 'chatdesk.showLogs', 'chatdesk.updateCredentials']);
  });

  it('a two-factor refusal says what fixes it and offers Update Credentials', () => {
    const e = new ApiError('auth', twoFactorMessage('TOTP Required'), { status: 400, code: 'totp-required' });
    const p = presentError(e, 'agents/c1');
    assert.match(p.label, /two-factor/);
    assert.ok(offered(p.contextValue ?? '').includes('chatdesk.updateCredentials'));
    assert.match(renderedText(errorTooltip(e)), /Ignore Two Factor Authentication/);
  });

  it('an unreadable OS keyring: "VS Code could not read the OS keyring", Update Credentials and VS Code\'s help', () => {
    const e = new KeyringError('read', new Error('Cannot create an item in a locked collection'));
    const p = presentError(e, 'agents/c1');
    assert.match(p.label, /^VS Code could not read the OS keyring/);
    assert.doesNotMatch(p.label, /locked collection/, 'not the keyring\'s raw message');
    assert.deepEqual(offered(p.contextValue ?? ''), ['chatdesk.openKeyringHelp', 'chatdesk.refreshConnection', 'chatdesk.showLogs', 'chatdesk.updateCredentials']);
    assert.ok(errorTooltip(e).includes(`](${KEYRING_HELP_URL})`));
  });

  it('other failures offer retry and Show Logs only', () => {
    for (const e of [new ApiError('server', 'Internal error', { status: 500 }), new ApiError('rate-limited', 'Too many requests', { status: 429, retryAfterMs: 60_000 })]) {
      assert.deepEqual(offered(presentError(e, 'agents/c1').contextValue ?? ''), ['chatdesk.refreshConnection', 'chatdesk.showLogs']);
    }
    assert.match(renderedText(errorTooltip(new ApiError('rate-limited', 'Too many requests', { status: 429, retryAfterMs: 60_000 }))), /wait 60 s/);
  });
});
