// Keys bucketed by their first one and first two characters, each bucket in the order the keys were added. When
// keys are added in result order, "the first n keys that start with q" is a walk along one bucket: no sorting at
// query time and none at build time (sorting 50,000 strings takes tens of milliseconds; bucketing them, a few).

interface Bucket<T> {
  keys: string[];
  values: T[];
}

/** The bucket number of a key's first character, or first two (UTF-16 units). */
const first = (s: string) => s.charCodeAt(0);
const firstTwo = (s: string) => s.charCodeAt(0) * 0x10000 + s.charCodeAt(1);

export class PrefixBuckets<T> {
  private readonly one = new Map<number, Bucket<T>>();
  private readonly two = new Map<number, Bucket<T>>();

  /** Adds `key` for `value`; an empty key is never found. */
  add(key: string, value: T): void {
    if (!key) return;
    push(this.one, first(key), key, value);
    if (key.length >= 2) push(this.two, firstTwo(key), key, value);
  }

  /**
   * Calls `visit` with the value of every key that starts with `prefix`, in the order they were added, until it
   * returns false. A value added under several matching keys is visited once per key.
   */
  forEach(prefix: string, visit: (value: T) => boolean): void {
    if (!prefix) return;
    const bucket = prefix.length >= 2 ? this.two.get(firstTwo(prefix)) : this.one.get(first(prefix));
    if (!bucket) return;
    const { keys, values } = bucket;
    const whole = prefix.length <= 2; // the bucket is exactly the keys starting with it
    for (let i = 0; i < keys.length; i++) {
      if ((whole || keys[i].startsWith(prefix)) && !visit(values[i])) return;
    }
  }
}

function push<T>(map: Map<number, Bucket<T>>, at: number, key: string, value: T): void {
  const bucket = map.get(at);
  if (bucket) {
    bucket.keys.push(key);
    bucket.values.push(value);
  } else {
    map.set(at, { keys: [key], values: [value] });
  }
}
