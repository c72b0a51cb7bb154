// A Disposable base class: owns what it registers and disposes it (in reverse order) exactly once.
import type * as vscode from 'vscode';

export interface IDisposable {
  dispose(): unknown;
}

export abstract class Disposable implements IDisposable {
  private readonly _toDispose: IDisposable[] = [];
  private _isDisposed = false;

  protected get isDisposed(): boolean {
    return this._isDisposed;
  }

  /** Takes ownership of `d`; it is disposed with this object (immediately, if this is already disposed). */
  protected _register<T extends IDisposable>(d: T): T {
    if (this._isDisposed) d.dispose();
    else this._toDispose.push(d);
    return d;
  }

  dispose(): void {
    if (this._isDisposed) return;
    this._isDisposed = true;
    for (const d of this._toDispose.splice(0).reverse()) {
      try {
        d.dispose();
      } catch {
        // one failing disposable must not keep the others alive
      }
    }
  }
}

/** A disposable that runs `fn` once. */
export function toDisposable(fn: () => void): IDisposable & vscode.Disposable {
  let done = false;
  return { dispose: () => { if (!done) { done = true; fn(); } } };
}
