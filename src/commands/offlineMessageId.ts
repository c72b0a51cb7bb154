// Open Offline Message…: reading a message ID typed by the user. Pure.

/** An offline-message ID as REVE Chat issues them (numbers), or undefined when `raw` cannot be one. */
export function parseMessageId(raw: string): string | undefined {
  const id = raw.trim().replace(/^#/, '');
  return /^[A-Za-z0-9_-]{1,64}$/.test(id) ? id : undefined;
}

/**
 * What the user typed into Open Offline Message…'s filter, when it can be a message ID that is not among the loaded
 * messages: offered as "Open message ID …" (always shown, as is "Enter a message ID…"). Undefined otherwise.
 */
export function typedMessageId(value: string, loadedIds: ReadonlySet<string> | readonly string[]): string | undefined {
  const id = parseMessageId(value);
  if (!id) return undefined;
  const loaded = Array.isArray(loadedIds) ? loadedIds.includes(id) : (loadedIds as ReadonlySet<string>).has(id);
  return loaded ? undefined : id;
}
