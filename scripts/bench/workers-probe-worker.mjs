/**
 * The worker of scripts/bench/workers-probe.mjs: loads the evidence, then judges and routes each
 * batch it is sent, in the order sent, and sends back the output bytes (transferred, not copied).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';
import { rowWork } from './workers-context.mjs';
import { unpackBatch } from './workers-pack.mjs';

const work = await rowWork(workerData.opts, workerData.names);
const head = work.header();
parentPort.postMessage({ ready: true, ...head }, [head.clean.buffer, head.rejects.buffer]);
const elu = performance.eventLoopUtilization();
let queue = Promise.resolve();
parentPort.on('message', (m) => {
  queue = queue.then(async () => {
    if (m.done) {
      parentPort.postMessage({ done: true, counts: work.counts(), utilization: performance.eventLoopUtilization(elu).utilization });
      return;
    }
    const out = await work.judge(unpackBatch(m));
    parentPort.postMessage(out, [out.clean.buffer, out.rejects.buffer]);
  });
});
