// The sandbox: a local server imitating REVE Chat, Rocket.Chat and HelpCrunch (see types.ts). No vscode, no file
// reads, no top-level side effects: it is also bundled standalone as dist/sandbox.js.

export { startSandbox } from './server';
export type {
  FaultOptions, RateLimitOptions, Sandbox, SandboxClock, SandboxCredentials, SandboxOptions, SandboxStats,
} from './types';
