// The verification step of Add / Edit Connection and Update Credentials: the platform client's own verify()
// (Rocket.Chat: /me, then one agent; REVE Chat: the agent list, then the superadmin login; HelpCrunch: one agent),
// logged by the connection's name. Pure (no vscode): the client factory is passed in.
import { platformName, type Connection, type Credentials, type PlatformClient } from '../api/model';
import type { Logger } from '../util/log';
import type { FlowDeps } from './connectionFlow';
import { logName } from './keyring';

export type ClientFactory = (connection: Connection, credentials: Credentials) => PlatformClient;

export function connectionVerifier(createClient: ClientFactory, log: Logger): FlowDeps['verify'] {
  return async (connection, credentials, signal) => {
    const name = logName(connection);
    log.info(`Verifying ${platformName(connection.platform)} connection ${name} at ${connection.baseUrl}.`);
    try {
      await createClient(connection, credentials).verify({ signal });
      log.info(`Verification succeeded for ${name}.`);
    } catch (e) {
      log.warn(`Verification failed for ${name}:`, e);
      throw e;
    }
  };
}
