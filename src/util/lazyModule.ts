// Loads a separately bundled module (dist/webviews.js, dist/sandbox.js) on first use, at run time,
// so that it never lands in dist/extension.js (the activation path).
import * as path from 'node:path';

export class LazyModule<T> {
  private loaded: T | undefined;

  constructor(private readonly extensionPath: string, private readonly bundle: string) {}

  get(): T {
    if (!this.loaded) {
      const file = path.join(this.extensionPath, 'dist', this.bundle);
      // A plain runtime require keeps esbuild from bundling the module into the extension.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      this.loaded = require(file) as T;
    }
    return this.loaded;
  }

  get isLoaded(): boolean {
    return this.loaded !== undefined;
  }
}
