// "Try Demo": the sandbox started inside the extension host, with three demo connections added through
// the same ConnectionStore path as real ones (credentials in SecretStorage). Also the `npm run demo`
// hook: CHATDESK_DEMO describes an external sandbox, whose connections are added/updated idempotently.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Credentials, Platform } from '../api/model';
import type { DemoHost } from '../connections/clientProvider';
import { keyExpiresAt } from '../connections/reveKey';
import type { ConnectionStore } from '../connections/store';
import type { StoredConnection } from '../connections/types';
import { PLATFORM_NAMES } from '../api/model';
import type { Sandbox, SandboxOptions } from '../sandbox/types';
import { Disposable } from '../util/lifecycle';
import { LazyModule } from '../util/lazyModule';
import type { Logger } from '../util/log';

export interface SandboxModule {
  startSandbox(options?: SandboxOptions): Promise<Sandbox>;
}

/** The JSON of CHATDESK_DEMO (written by scripts/demo.mjs). */
export interface ExternalDemo {
  revechat?: { baseUrl: string; accountId: string; apiKey: string; username?: string; password?: string };
  rocketchat?: { baseUrl: string; userId: string; authToken: string };
  helpcrunch?: { baseUrl: string; apiKey: string };
  /**
   * An absolute path of a file to open once in this workspace (the demo's sample integration file). Opened by the
   * extension, not through the workbench URL: a `payload` in code-server's URL replays on every reload and keeps
   * VS Code from restoring the editors and panels that were open.
   */
  openFile?: string;
}

interface DemoSpec {
  platform: Platform;
  meta: Pick<StoredConnection, 'baseUrl' | 'accountId' | 'userId' | 'username'>;
  credentials: Credentials;
}

export const DEMO_SANDBOX_OPTIONS: SandboxOptions = { agents: 300, offlineMessages: 60 };

const demoId = (p: Platform) => `demo-${p}`;
/** workspaceState: the CHATDESK_DEMO sample file already opened in this workspace (its path). */
const SAMPLE_OPENED_KEY = 'chatdesk.demo.sampleOpened';

export function parseExternalDemo(raw: string | undefined): ExternalDemo | undefined {
  if (!raw) return undefined;
  try {
    const v = JSON.parse(raw) as ExternalDemo;
    if (!v || typeof v !== 'object') return undefined;
    if (v.openFile !== undefined && (typeof v.openFile !== 'string' || !path.isAbsolute(v.openFile))) delete v.openFile;
    return v;
  } catch {
    return undefined;
  }
}

function specsFromSandbox(sb: Sandbox): DemoSpec[] {
  const c = sb.credentials;
  return [
    { platform: 'revechat', meta: { baseUrl: sb.baseUrls.revechat, accountId: c.revechat.accountId, username: c.revechat.username }, credentials: { apiKey: c.revechat.apiKey, password: c.revechat.password } },
    { platform: 'rocketchat', meta: { baseUrl: sb.baseUrls.rocketchat, userId: c.rocketchat.userId }, credentials: { authToken: c.rocketchat.authToken } },
    { platform: 'helpcrunch', meta: { baseUrl: sb.baseUrls.helpcrunch }, credentials: { apiKey: c.helpcrunch.apiKey } },
  ];
}

function specsFromExternal(d: ExternalDemo): DemoSpec[] {
  const out: DemoSpec[] = [];
  if (d.revechat) out.push({ platform: 'revechat', meta: { baseUrl: d.revechat.baseUrl, accountId: d.revechat.accountId, username: d.revechat.username }, credentials: { apiKey: d.revechat.apiKey, password: d.revechat.password } });
  if (d.rocketchat) out.push({ platform: 'rocketchat', meta: { baseUrl: d.rocketchat.baseUrl, userId: d.rocketchat.userId }, credentials: { authToken: d.rocketchat.authToken } });
  if (d.helpcrunch) out.push({ platform: 'helpcrunch', meta: { baseUrl: d.helpcrunch.baseUrl }, credentials: { apiKey: d.helpcrunch.apiKey } });
  return out;
}

export class DemoService extends Disposable implements DemoHost {
  private sandbox: Sandbox | undefined;
  private starting: Promise<Sandbox> | undefined;
  private ensuring: Promise<void> | undefined;
  private readonly module: LazyModule<SandboxModule>;

  constructor(extensionPath: string, private readonly store: ConnectionStore, private readonly log: Logger, private readonly external?: ExternalDemo) {
    super();
    this.module = new LazyModule<SandboxModule>(extensionPath, 'sandbox.js');
    this._register({ dispose: () => { void this.stopSandbox(); } });
  }

  demoConnections(): StoredConnection[] {
    return this.store.list().filter((c) => c.demo);
  }

  get running(): boolean {
    return !!this.sandbox;
  }

  /** Starts the sandbox (or uses CHATDESK_DEMO's) and adds or updates the three demo connections. */
  async start(): Promise<StoredConnection[]> {
    if (this.external) return this.applySpecs(specsFromExternal(this.external), 'env');
    const sb = await this.startSandbox();
    return this.applySpecs(specsFromSandbox(sb), 'sandbox');
  }

  /**
   * The CHATDESK_DEMO hook's sample file: opened (pinned, focus kept on the view) the first time this workspace runs
   * with it, never again, so a reload restores whatever the user had open instead. Logs and gives up when it cannot.
   */
  async openSampleOnce(workspaceState: vscode.Memento): Promise<void> {
    const file = this.external?.openFile;
    if (!file || workspaceState.get<string>(SAMPLE_OPENED_KEY) === file) return;
    await workspaceState.update(SAMPLE_OPENED_KEY, file);
    try {
      await vscode.window.showTextDocument(vscode.Uri.file(file), { preview: false, preserveFocus: true });
    } catch (e) {
      this.log.warn('The demo sample file could not be opened:', e);
    }
  }

  /** The CHATDESK_DEMO hook: add/update the demo connections pointing at the external sandbox. */
  async applyExternal(): Promise<StoredConnection[]> {
    return this.external ? this.applySpecs(specsFromExternal(this.external), 'env') : [];
  }

  async remove(): Promise<number> {
    const demos = this.demoConnections();
    for (const c of demos) await this.store.remove(c.id);
    await this.stopSandbox();
    return demos.length;
  }

  /** DemoHost: a demo connection is about to be used; start the sandbox if this window has none. */
  ensureRunningFor(connection: StoredConnection): Promise<void> {
    if (connection.demoSource !== 'sandbox' || (this.sandbox && !this.ensuring)) return Promise.resolve();
    if (!this.ensuring) {
      this.log.info('A demo connection is in use and no sandbox runs in this window: starting it.');
      this.ensuring = (async () => {
        const sb = await this.startSandbox();
        await this.applySpecs(specsFromSandbox(sb).filter((s) => this.store.get(demoId(s.platform))?.demoSource === 'sandbox'), 'sandbox');
      })().finally(() => { this.ensuring = undefined; });
    }
    return this.ensuring;
  }

  private startSandbox(): Promise<Sandbox> {
    if (this.sandbox) return Promise.resolve(this.sandbox);
    if (!this.starting) {
      this.starting = (async () => {
        const sb = await this.module.get().startSandbox(DEMO_SANDBOX_OPTIONS);
        this.sandbox = sb;
        this.log.info(`Demo sandbox listening on ${sb.origin}.`);
        return sb;
      })().finally(() => { this.starting = undefined; });
    }
    return this.starting;
  }

  private async stopSandbox(): Promise<void> {
    const sb = this.sandbox;
    this.sandbox = undefined;
    if (sb) {
      try {
        await sb.stop();
        this.log.info('Demo sandbox stopped.');
      } catch (e) {
        this.log.warn('Stopping the demo sandbox failed:', e);
      }
    }
  }

  private async applySpecs(specs: DemoSpec[], source: 'sandbox' | 'env'): Promise<StoredConnection[]> {
    const out: StoredConnection[] = [];
    for (const s of specs) {
      const id = demoId(s.platform);
      const meta: Omit<StoredConnection, 'id'> = {
        label: vscode.l10n.t('Demo · {0}', PLATFORM_NAMES[s.platform]),
        platform: s.platform,
        ...s.meta,
        demo: true,
        demoSource: source,
        keyExpiresAt: keyExpiresAt(s.platform, s.credentials),
      };
      const existing = this.store.get(id);
      if (existing) {
        const same = existing.baseUrl === meta.baseUrl && existing.demoSource === source && existing.accountId === meta.accountId
          && existing.userId === meta.userId && existing.username === meta.username;
        // a keyring that lost the demo's credentials (KeyringError) is no reason to stop: they are written again below
        const creds = await this.store.credentials(id).catch((): Credentials => ({}));
        const sameCreds = (creds.apiKey ?? '') === (s.credentials.apiKey ?? '') && (creds.authToken ?? '') === (s.credentials.authToken ?? '')
          && (creds.password ?? '') === (s.credentials.password ?? '');
        out.push(same && sameCreds ? existing : await this.store.update(id, { ...meta, label: existing.label }, {
          apiKey: s.credentials.apiKey ?? '', authToken: s.credentials.authToken ?? '', password: s.credentials.password ?? '',
        }));
      } else {
        out.push(await this.store.add({ ...meta, id }, s.credentials));
      }
    }
    return out;
  }
}
