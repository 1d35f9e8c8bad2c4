// js/export/pytorch.js: a saved Helix file as a PyTorch project: helix_model.py (the architecture
// in torch.nn, built from the network description embedded in it), weights.safetensors (the state_dict),
// train.py (one CPU, or DistributedDataParallel under torchrun), predict.py (the TSV of `helix predict`) and
// a README. The Python sources live beside this file in python/; this module fills in the model.
import { readHelixFile } from './helix-file.js';
import { networkOf } from './network.js';
import { torchStateDict } from './state-dict.js';
import { writeSafetensors } from './safetensors.js';

const SOURCES = ['helix_model.py', 'train.py', 'predict.py', 'torchrun.py'];

async function source(name) {
  const url = new URL(`./python/${name}`, import.meta.url);
  if (url.protocol === 'file:') {
    const { readFile } = await import('node:fs/promises');
    return readFile(url, 'utf8');
  }
  return (await fetch(url)).text();
}

function readme(network) {
  const net = network.nets[0];
  const shape = {
    dna: (i) => `DNA (B, ${i.length || 'L'}, 4)`,
    node_features: (i) => `(nodes, ${i.size})`,
    adjacency: () => '(nodes, nodes), normalised',
    graph_index: () => '(nodes,) int64',
  };
  const inputs = net.inputs.map((i) => `${i.name}: ${(shape[i.type] ?? ((x) => `(B, ${x.size})`))(i)}`).join('; ');
  const graph = network.family === 'graph';
  return `# ${network.name}, exported from Helix

Files: helix_model.py (the model in torch.nn; needs only torch), weights.safetensors (its state_dict),
train.py, predict.py. Inputs: ${inputs}. Outputs: ${net.outputs.map((o) => `${o.name} (${o.activation === 'none' ? 'values' : `logits, ${o.activation}`})`).join(', ')}.

    ${graph ? "python3 predict.py --nodes nodes.tsv --edges edges.tsv   # helix_model.read_graph reads Helix's tables" : 'python3 predict.py --input seqs.fa                      # the TSV helix predict prints'}
    python3 train.py --data train.tsv --epochs 5 --out trained.safetensors
    torchrun --nproc_per_node=4 train.py --data train.tsv --epochs 5 --out trained.safetensors
    python3 torchrun.py --standalone --nproc_per_node=4 train.py ...   # the same, where torchrun fails on Python >= 3.11 (torch 1.13)
    helix import --from pytorch --spec model.json --weights trained.safetensors --out model-trained.json

${network.family === 'sequence' ? '' : `train.py trains sequence and table-column models; for this ${network.family} model, train in your own loop on build_model().\n`}In your own code: \`import helix_model as hm; m = hm.build_model(); m.load_state_dict(hm.load_safetensors("weights.safetensors"))\`.
A state_dict saved with torch.save(m.state_dict(), "state.pt") also imports (helix import reads .pt, .npz and
.safetensors).
`;
}

/**
 * The PyTorch project for a saved Helix file (its text): {files: {name: string | Uint8Array}, network}.
 * Throws ExportError naming a layer that cannot be exported.
 */
export async function exportPytorch(modelFileText) {
  const parsed = readHelixFile(modelFileText);
  const network = networkOf(parsed);
  const described = { ...network, optimizer: parsed.spec.optimizer, training: parsed.spec.training };
  const files = {};
  for (const name of SOURCES) {
    let text = await source(name);
    if (name === 'helix_model.py') {
      text = text.replace('@@NAME@@', network.name).replace('@@NETWORK@@', JSON.stringify(described, null, 1));
    }
    files[name] = text;
  }
  files['weights.safetensors'] = writeSafetensors(torchStateDict(parsed, network), { format: 'pt', source: 'helix' });
  files['README.md'] = readme(network);
  return { files, network };
}
