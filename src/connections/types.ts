import type { Connection } from '../api/model';

/** What the store keeps per connection (non-secret). */
export interface StoredConnection extends Connection {
  /** A demo connection to the sandbox (labelled, removable with "Remove Demo"). */
  demo?: boolean;
  /** Where the demo sandbox runs: started inside this extension host, or external (CHATDESK_DEMO). */
  demoSource?: 'sandbox' | 'env';
  /** REVE Chat: when the Authorization key expires (epoch ms, from its `exp` claim; not a secret). */
  keyExpiresAt?: number;
}

export type ConnectionChangeKind = 'added' | 'updated' | 'renamed' | 'removed';

export interface ConnectionChange {
  kind: ConnectionChangeKind;
  id: string;
  /** For `updated`: whether the credentials changed (clients must be recreated). */
  credentialsChanged?: boolean;
}
