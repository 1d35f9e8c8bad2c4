"""predict.py: the exported Helix model's predictions for sequences, as the TSV `helix predict` prints.

    python3 predict.py --input seqs.fa [--weights weights.safetensors|state.pt] [--out predictions.tsv]

--input: FASTA, a table with a header (a sequence column, an id or name column, and the model's feature
columns if it reads any), or one sequence per line.
"""
import argparse
import os
import sys

import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import helix_model as hm  # noqa: E402


def load(weights):
    model = hm.build_model()
    model.load_state_dict(hm.load_weights(weights))
    return model.eval()


def predict(model, records):
    """{output name: (N, K) probabilities} in record order."""
    net = hm.NETWORK["nets"][0]
    out = {o["name"]: [None] * len(records) for o in net["outputs"]}
    with torch.no_grad():
        for group in hm.length_groups(net, records):
            probs = model.probabilities(model(**hm.model_inputs(net, [records[i] for i in group])))
            for name, p in probs.items():
                p = p.reshape(len(group), -1)
                for j, i in enumerate(group):
                    out[name][i] = p[j].tolist()
    return out


def predict_graph(model, nodes, edges):
    """(ids, (N or G, K) class probabilities) of a graph model on Helix's nodes and edges tables."""
    inputs, ids = hm.read_graph(nodes, edges)
    with torch.no_grad():
        probs = model.probabilities(model(**inputs))
    return ids, next(iter(probs.values()))


def graph_tsv(ids, probs):
    """What `helix predict --nodes --edges` prints: node (or graph), class, p_0 ... p_K-1."""
    key = "graph" if hm.NETWORK.get("task") == "graph_classification" else "node"
    K = probs.shape[1] if len(ids) else 0
    lines = ["\t".join([key, "class"] + ["p_%d" % k for k in range(K)])]
    for i, row in zip(ids, probs.tolist()):
        lines.append("\t".join([i, str(max(range(K), key=lambda k: row[k]))] + ["%.6f" % p for p in row]))
    return "\n".join(lines) + "\n"


def tsv(records, probs):
    net = hm.NETWORK["nets"][0]
    outputs = net["outputs"]

    def label(o, row):
        k = max(range(len(row)), key=lambda j: row[j])
        return o["classes"][k] if k < len(o["classes"]) else str(k)

    lines = []
    if hm.NETWORK.get("multiHead"):
        lines.append("\t".join(["id"] + [o["name"] for o in outputs]))
        for i, r in enumerate(records):
            cells = [label(o, probs[o["name"]][i]) if o["activation"] == "softmax" else "%.6f" % probs[o["name"]][i][0]
                     for o in outputs]
            lines.append("\t".join([r["id"]] + cells))
    elif outputs[0]["activation"] == "softmax":
        o = outputs[0]
        K = len(probs[o["name"]][0]) if records else len(o["classes"])
        names = [o["classes"][k] if k < len(o["classes"]) else str(k) for k in range(K)]
        lines.append("\t".join(["id", "class"] + ["p_" + n for n in names]))
        for i, r in enumerate(records):
            row = probs[o["name"]][i]
            lines.append("\t".join([r["id"], label(o, row)] + ["%.6f" % p for p in row]))
    else:
        lines.append("id\tprobability")
        for i, r in enumerate(records):
            lines.append("%s\t%.6f" % (r["id"], probs[outputs[0]["name"]][i][0]))
    return "\n".join(lines) + "\n"


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--input", help="sequences or a table (sequence and column models)")
    ap.add_argument("--nodes", help="graph models: the nodes table (node, feature columns, graph)")
    ap.add_argument("--edges", help="graph models: the edges table (source, target)")
    ap.add_argument("--weights", default=os.path.join(here, "weights.safetensors"))
    ap.add_argument("--out")
    a = ap.parse_args()
    if hm.NETWORK["family"] == "graph":
        if not (a.nodes and a.edges):
            ap.error("a graph model needs --nodes and --edges")
        text = graph_tsv(*predict_graph(load(a.weights), a.nodes, a.edges))
    else:
        if not a.input:
            ap.error("--input is required")
        records = hm.read_records(a.input)
        text = tsv(records, predict(load(a.weights), records))
    if a.out:
        with open(a.out, "w") as f:
            f.write(text)
    else:
        sys.stdout.write(text)


if __name__ == "__main__":
    main()
