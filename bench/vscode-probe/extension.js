// See README.md. Plain JavaScript: it runs as-is inside code-server's extension host.
'use strict';
const vscode = require('vscode');
const fs = require('fs');
const { performance } = require('perf_hooks');

exports.activate = async function activate() {
  const out = process.env.CHATDESK_BENCH_PROBE_OUT;
  if (!out) return;
  const ids = (process.env.CHATDESK_BENCH_PROBE_IDS || '').split(',').filter(Boolean);
  const runs = Number(process.env.CHATDESK_BENCH_PROBE_RUNS || 5);
  let done = 0;
  try { done = fs.readFileSync(out, 'utf8').split('\n').filter(Boolean).length; } catch { /* first run */ }
  if (done >= runs) return;
  const order = done % 2 ? [...ids].reverse() : ids;
  const sample = { run: done, order, ms: {}, alreadyActive: [], errors: {} };
  // The first activation in a fresh extension host pays for start-up work the host still has to finish; a
  // warm-up extension (another empty one) absorbs it, so that neither measured extension is first in line.
  const warmup = process.env.CHATDESK_BENCH_PROBE_WARMUP && vscode.extensions.getExtension(process.env.CHATDESK_BENCH_PROBE_WARMUP);
  if (warmup) {
    const t0 = performance.now();
    await warmup.activate();
    sample.warmupMs = performance.now() - t0;
  }
  for (const id of order) {
    const ext = vscode.extensions.getExtension(id);
    if (!ext) { sample.errors[id] = 'not installed'; continue; }
    if (ext.isActive) sample.alreadyActive.push(id);
    const t0 = performance.now();
    try {
      await ext.activate();
      sample.ms[id] = performance.now() - t0;
    } catch (e) {
      sample.errors[id] = String(e && e.message || e);
    }
  }
  fs.appendFileSync(out, JSON.stringify(sample) + '\n');
};
exports.deactivate = function deactivate() {};
