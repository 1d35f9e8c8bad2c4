// js/spec-columns.js: a spec adapted to the columns of a user's table, shared by the CLI
// (`--labels a,b`, `--features a,b`), the page and the JS API, so a preset is not tied to one file.
//   labels:   the label columns, one head each. A model whose heads are all dense layers reading the same
//             layer (a shared trunk, as cnn-multitask) gets one such head per column; a sequential model
//             with one output gets its last layer repeated per column (multi-task from a single-task preset).
//   features: the numeric columns of the model's features input (multimodal, mlp).
// Throws Error with a message naming the option when the spec cannot take them.

const isHeadLayer = (layer) => layer?.type === 'dense' && !layer.activation;

export function applyColumns(spec, { labels, features } = {}) {
  const s = structuredClone(spec);
  if (features?.length) {
    const inputs = s.inputs ?? [];
    const featureInputs = inputs.filter((i) => i.type === 'features');
    if (featureInputs.length !== 1) {
      throw new Error(
        `--features: the model '${s.name}' has ${
          featureInputs.length ? 'several features inputs' : 'no input of numeric features'
        }; use a model with one input of type "features" (e.g. the multimodal or mlp preset)`,
      );
    }
    featureInputs[0].columns = [...features];
  }
  if (labels?.length) setLabels(s, labels);
  return s;
}

function setLabels(s, labels) {
  if (new Set(labels).size !== labels.length)
    throw new Error(`--labels: a column is named twice (${labels.join(', ')})`);
  const layers = s.layers;
  if (!s.heads) {
    if (labels.length === 1) {
      // one column under another name: the default head reads it
      s.inputs ??= [{ type: 'dna', ...(s.input ?? {}) }];
      delete s.input;
      const last = layers[layers.length - 1];
      s.heads = [
        {
          name: labels[0],
          layer: last.name,
          loss: s.loss ?? 'bce_with_logits',
          ...(s.classes ? { classes: s.classes } : {}),
        },
      ];
      delete s.loss;
      delete s.classes;
      return;
    }
    const last = layers[layers.length - 1];
    if (!isHeadLayer(last) || last.units !== 1 || (s.loss && s.loss !== 'bce_with_logits')) {
      throw new Error(
        `--labels: the model '${s.name}' ends in ${last.units} outputs with loss ${s.loss}; ` +
          'several label columns need 0/1 labels and a last dense layer of 1 unit',
      );
    }
    s.inputs ??= [{ type: 'dna', ...(s.input ?? {}) }];
    delete s.input;
    delete s.loss;
    const trunk = layers.length > 1 ? layers[layers.length - 2].name : s.inputs[0].name;
    layers.pop();
    s.heads = [];
    for (const label of labels) {
      layers.push({ ...last, name: `${last.name}_${label}`, inputs: last.inputs ?? trunk });
      s.heads.push({ name: label, layer: `${last.name}_${label}`, loss: 'bce_with_logits' });
    }
    return;
  }
  if (labels.length === s.heads.length) {
    s.heads = s.heads.map((h, i) => ({ ...h, label: labels[i] }));
    return;
  }
  const headLayers = s.heads.map((h) => layers.find((l) => l.name === h.layer));
  const reads = (l) => JSON.stringify(l.inputs ?? null);
  const shared = headLayers.every((l) => isHeadLayer(l) && reads(l) === reads(headLayers[0]));
  if (!shared || headLayers.some((l) => !l.inputs)) {
    throw new Error(
      `--labels: ${labels.length} columns, but the model '${s.name}' has ${s.heads.length} heads ` +
        'that are not copies of one another; give one column per head or edit the spec',
    );
  }
  const template = headLayers[0];
  const headTemplate = s.heads[0];
  s.layers = layers.filter((l) => !headLayers.includes(l));
  s.heads = [];
  for (const label of labels) {
    const name = `${template.name.replace(/_[^_]*$/, '')}_${label}`;
    s.layers.push({ ...template, name });
    s.heads.push({ ...headTemplate, name: label, layer: name, label });
  }
}
