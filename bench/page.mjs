// bench/page.mjs: window.runBench(options) runs bench/harness.mjs in the page: Helix (the build this page can
// load: threaded when cross-origin isolated) and TensorFlow.js (script tags of bench/page.html) side by side.
import { loadBench } from '/bench/engine.mjs';
import { runKernels, runWorkloads } from '/bench/harness.mjs';

const logBox = document.getElementById('log');
const log = (line) => {
  logBox.textContent += line + '\n';
  console.log(line);
};

window.runBench = async ({ workloads, modes, cfg, skipTf, kernels = true } = {}) => {
  const tf = globalThis.tf;
  tf.wasm.setWasmPaths('/node_modules/@tensorflow/tfjs-backend-wasm/dist/');
  const helix = await loadBench();
  const env = {
    userAgent: navigator.userAgent,
    crossOriginIsolated: globalThis.crossOriginIsolated === true,
    hardwareConcurrency: navigator.hardwareConcurrency,
    helix: helix.backend,
    tfjs: tf.version.tfjs,
  };
  log(`helix ${helix.backend.label}`);
  const results = await runWorkloads({ helix, tf, bench: globalThis.AnchorBench, workloads, modes, cfg, log, skipTf });
  const kernelResults = kernels ? runKernels(helix, { threads: [...new Set([1, helix.backend.threads])] }) : null;
  helix.close();
  return { env, results, kernels: kernelResults };
};
window.benchReady = true;
