// One lookup for the hover and the code actions: the agents an ID or e-mail in code stands for, from the directory
// (memory and the on-disk cache) and never from the network.
import type { StoredConnection } from '../../connections/types';
import type { DirectoryMatch, Store } from '../../store';
import { platformsFor } from '../idVerdict';
import type { IdToken } from '../lineIds';

/** The agents `token` names, in connection order. */
export function agentsFor(store: Store<StoredConnection>, token: IdToken): DirectoryMatch[] {
  if (token.kind === 'email') return store.directory.byEmail(token.text);
  const platforms = platformsFor(token.kind);
  return store.directory.byId(token.text).filter((m) => platforms.includes(m.connection.platform));
}
