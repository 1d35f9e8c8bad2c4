// js/export/state-dict.js: a Helix file's weights as a PyTorch state_dict (torch names and layouts,
// network.js parameterMap) and back. Import checks every key: a tensor missing from the file, a key no
// layer has, and a shape that is not the one the spec needs are each an error naming the key; nothing is
// skipped. torch's batch-norm counter num_batches_tracked is accepted and not used (Helix has none).
import { ExportError } from './helix-file.js';
import { parameterMap, permute, inversePerm } from './network.js';

/** Map torchKey -> {shape, data} (Float32Array; BigInt64Array for num_batches_tracked), in module order. */
export function torchStateDict(parsed, network) {
  const out = new Map();
  for (const net of network.nets) {
    for (const e of parameterMap(net)) {
      if (e.role === 'counter') {
        out.set(e.torch, { shape: [], data: new BigInt64Array(1) });
        continue;
      }
      const w = parsed.weights.get(e.helix);
      if (!w)
        throw new ExportError([
          { field: `weights.${e.helix}`, message: `weights.${e.helix}: missing from the model file` },
        ]);
      const t = permute(w.shape, w.data, e.perm);
      if (e.role === 'zero_twin') t.data.fill(0);
      out.set(e.torch, t);
    }
  }
  return out;
}

/**
 * Helix weights (Map helixName -> {shape, data}) from tensors named as torchStateDict names them (a "module."
 * prefix, as DistributedDataParallel adds, is removed). Helix's own names and layouts are accepted as well
 * (a Helix file's weights written to .npz). Throws ExportError listing every problem.
 */
export function helixWeightsFromTorch(parsed, network, tensors) {
  const errors = [];
  const fail = (key, message) => errors.push({ field: `weights.${key}`, message: `${key}: ${message}` });
  const given = new Map([...tensors].map(([k, v]) => [k.replace(/^module\./, ''), v]));
  const used = new Set();
  const out = new Map();
  for (const net of network.nets) {
    for (const e of parameterMap(net)) {
      if (e.role === 'counter') {
        used.add(e.torch);
        continue;
      }
      const want = parsed.weights.get(e.helix).shape;
      const torchShape = e.perm ? e.perm.map((a) => want[a]) : want;
      let t = given.get(e.torch),
        perm = inversePerm(e.perm),
        key = e.torch;
      if (!t && given.has(e.helix) && e.role !== 'zero_twin') {
        t = given.get(e.helix);
        perm = null;
        key = e.helix;
      }
      if (!t) {
        if (!(e.role === 'zero_twin' && used.has(e.helix)))
          fail(
            e.torch,
            `missing (layer ${e.helix.split('.').slice(-2, -1)[0]} needs it, shape ${JSON.stringify(torchShape)})`,
          );
        continue;
      }
      used.add(key);
      const expect = perm ? torchShape : want;
      if (JSON.stringify(t.shape) !== JSON.stringify(expect)) {
        fail(key, `has shape ${JSON.stringify(t.shape)} but the spec needs ${JSON.stringify(expect)}`);
        continue;
      }
      const back = permute(t.shape, t.data, perm);
      if (e.role === 'zero_twin' && out.has(e.helix)) {
        // LSTM: Helix's bias = bias_ih + bias_hh
        const b = out.get(e.helix).data;
        for (let i = 0; i < b.length; i++) b[i] += back.data[i];
      } else {
        out.set(e.helix, back);
      }
    }
  }
  for (const key of given.keys()) if (!used.has(key)) fail(key, 'no layer of the spec has this parameter');
  for (const name of parsed.weights.keys()) if (!out.has(name) && !errors.length) fail(name, 'missing');
  if (errors.length) throw new ExportError(errors);
  return new Map([...parsed.weights.keys()].map((k) => [k, out.get(k)]));
}
