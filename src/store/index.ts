// The store's public surface (see store.ts). No vscode anywhere under src/store.
export { AgentCache, CACHE_FORMAT, CACHE_VERSION, decodeAgents, encodeAgents } from './agentCache';
export { systemClock, type Clock, type TimerHandle } from './clock';
export { ConnectionLists, describeConnection, expectsOfflineMessages, type ClientSource } from './connectionLists';
export { AgentDirectory, type ConnectionAgents, type DirectoryMatch } from './directory';
export { Emitter, type Event, type Subscription } from './events';
export type { ListIncomplete, ListState, LoadStatus } from './listState';
export { DEFAULT_RATE_LIMIT_RETRY_MS, PagedList, isCancellation, type CachedItems, type ListCache, type PageSource } from './pagedList';
export { AutoRefreshLoop, autoRefreshMs, dueForRefresh, type RefreshAllOptions, type RefreshableList } from './refreshPolicy';
export { Store, type ConnectionChange, type ConnectionSource, type ListChange, type StoreOptions } from './store';
