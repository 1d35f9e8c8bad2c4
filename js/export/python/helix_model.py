"""helix_model.py: the Helix model "@@NAME@@" in torch.nn, exported by Helix (js/export/pytorch.js).

Same architecture, same parameter names as Helix, torch layouts:
    model = build_model()
    model.load_state_dict(load_safetensors("weights.safetensors"))
    model.eval()
    logits = model(dna=one_hot_batch(["ACGT..."], length))   # {output name: logits}
    probabilities = model.probabilities(logits)

Tensors are channels-last as in Helix: DNA is (B, L, 4), one-hot in A, C, G, T order (N = 0.25 each);
conv1d runs on the transposed (B, 4, L) and turns back. Padding "same" pads (K-1)//2 zeros before and
K//2 after, as Helix does. A bidirectional LSTM/GRU that does not return sequences gives the last state of
each direction (h_n), the forward one first. Outputs are logits: sigmoid for 0/1 heads, softmax for K-class
heads (probabilities() applies them). Needs only torch (and numpy, which torch brings).
"""
import json
import struct

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

NETWORK = json.loads(r'''@@NETWORK@@''')

# ---- weights files: safetensors without the safetensors package ----
_DTYPES = {"F32": torch.float32, "F64": torch.float64, "F16": torch.float16, "BF16": torch.bfloat16,
           "I64": torch.int64, "I32": torch.int32}


def load_safetensors(path):
    with open(path, "rb") as f:
        data = f.read()
    n = struct.unpack("<Q", data[:8])[0]
    header, base, out = json.loads(data[8:8 + n]), 8 + n, {}
    for name, t in header.items():
        if name == "__metadata__":
            continue
        begin, end = t["data_offsets"]
        dtype = _DTYPES[t["dtype"]]
        raw = bytearray(data[base + begin:base + end])
        out[name] = torch.frombuffer(raw, dtype=dtype).reshape(t["shape"]) if raw else torch.zeros(t["shape"], dtype=dtype)
    return out


def save_safetensors(tensors, path, metadata=None):
    header, blobs, offset = {"__metadata__": metadata or {}}, [], 0
    for name, t in tensors.items():
        t = t.detach().cpu().contiguous()
        if t.dtype not in (torch.float32, torch.int64):
            t = t.float()
        blob = t.numpy().tobytes()
        header[name] = {"dtype": "F32" if t.dtype == torch.float32 else "I64", "shape": list(t.shape),
                        "data_offsets": [offset, offset + len(blob)]}
        blobs.append(blob)
        offset += len(blob)
    text = json.dumps(header)
    text += " " * ((8 - len(text) % 8) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(text)) + text.encode() + b"".join(blobs))


def load_weights(path):
    """A state_dict from .safetensors, or from a torch.save'd .pt / .pth file."""
    if path.endswith((".pt", ".pth")):
        return torch.load(path, map_location="cpu")
    return load_safetensors(path)


# ---- DNA as Helix reads it (core/data/one_hot.hpp) ----
_CODES = {"A": "A", "C": "C", "G": "G", "T": "T", "U": "T", "N": "ACGT", "R": "AG", "Y": "CT", "S": "CG", "W": "AT",
          "K": "GT", "M": "AC", "B": "CGT", "D": "AGT", "H": "ACT", "V": "ACG"}
_ROWS = {c: [1.0 / len(b) if x in b else 0.0 for x in "ACGT"] for c, b in _CODES.items()}


def fit_length(seq, length):
    """Centre `seq` in `length` bases: crop (n-length)//2 on the left, or pad with N, (length-n)//2 on the left."""
    n = len(seq)
    if n >= length:
        left = (n - length) // 2
        return seq[left:left + length]
    left = (length - n) // 2
    return "N" * left + seq + "N" * (length - n - left)


def one_hot_batch(seqs, length=0):
    """(B, L, 4) float32 of equally long sequences (each fitted to `length` when it is not 0)."""
    seqs = [fit_length(s.upper(), length) if length else s.upper() for s in seqs]
    return torch.tensor(np.array([[_ROWS[c] for c in s] for s in seqs], dtype=np.float32).reshape(len(seqs), -1, 4))


# ---- layers ----
def _activate(x, name):
    return {"relu": torch.relu, "sigmoid": torch.sigmoid, "tanh": torch.tanh}.get(name, lambda v: v)(x)


class Dense(nn.Linear):
    def __init__(self, spec, shape):
        super().__init__(shape[-1], spec["units"])
        self.activation = spec.get("activation", "")

    def forward(self, x):
        return _activate(super().forward(x), self.activation)


class Conv1D(nn.Conv1d):
    def __init__(self, spec, shape):
        k = spec["kernel_size"]
        super().__init__(shape[-1], spec["filters"], k)
        self.activation = spec.get("activation", "")
        self.same = ((k - 1) // 2, k // 2) if spec.get("padding") == "same" else None

    def forward(self, x):  # (B, L, C) -> (B, L', F)
        x = x.transpose(1, 2)
        if self.same:
            x = F.pad(x, self.same)
        return _activate(super().forward(x).transpose(1, 2), self.activation)


class LSTM(nn.LSTM):
    def __init__(self, spec, shape):
        super().__init__(shape[-1], spec["units"], batch_first=True, bidirectional=spec.get("bidirectional", False))
        self.return_sequences = spec.get("return_sequences", False)

    def forward(self, x):
        y, (h, _) = super().forward(x.contiguous())
        return y if self.return_sequences else torch.cat(list(h), -1)


class GRU(nn.GRU):
    def __init__(self, spec, shape):
        super().__init__(shape[-1], spec["units"], batch_first=True, bidirectional=spec.get("bidirectional", False))
        self.return_sequences = spec.get("return_sequences", False)

    def forward(self, x):
        y, h = super().forward(x.contiguous())
        return y if self.return_sequences else torch.cat(list(h), -1)


class BatchNorm(nn.BatchNorm1d):  # over every axis but the last, as Helix
    def __init__(self, spec, shape):
        super().__init__(shape[-1], eps=spec.get("eps", 1e-5), momentum=spec.get("momentum", 0.1))

    def forward(self, x):
        return super().forward(x.reshape(-1, x.shape[-1])).reshape(x.shape)


class LayerNorm(nn.LayerNorm):
    def __init__(self, spec, shape):
        super().__init__(shape[-1], eps=spec.get("eps", 1e-5))


class Stats(nn.Module):  # the autoencoder's saved statistics: input.mean, input.scale, imputation.baseline
    def __init__(self, **sizes):
        super().__init__()
        for name, n in sizes.items():
            self.register_buffer(name, torch.zeros(n))


class GraphConv(nn.Module):  # adjacency (N, N) @ (x (N, I) @ weight (I, O)) + bias, weight stored as Helix does
    def __init__(self, spec, shape):
        super().__init__()
        self.weight = nn.Parameter(torch.zeros(shape[-1], spec["units"]))
        self.bias = nn.Parameter(torch.zeros(spec["units"]))
        self.activation = spec.get("activation", "")

    def forward(self, x, adjacency):  # adjacency: dense, or sparse (torch.sparse.mm)
        xw = x @ self.weight
        ax = torch.sparse.mm(adjacency, xw) if adjacency.is_sparse else adjacency @ xw
        return _activate(ax + self.bias, self.activation)


class Op(nn.Module):  # layers without parameters
    def __init__(self, spec, shape):
        super().__init__()
        self.spec = spec

    def forward(self, *xs):
        s, x, t = self.spec, xs[0], self.spec["type"]
        if t in ("max_pool1d", "avg_pool1d"):
            pool = F.max_pool1d if t == "max_pool1d" else F.avg_pool1d
            return pool(x.transpose(1, 2), s["pool_size"], s["stride"]).transpose(1, 2)
        if t == "global_max_pool":
            return x.amax(1)
        if t == "global_avg_pool":
            return x.mean(1)
        if t == "flatten":
            return x.reshape(x.shape[0], -1)
        if t in ("relu", "sigmoid", "tanh"):
            return _activate(x, t)
        if t == "softmax":
            return torch.softmax(x, -1)
        if t == "reshape":
            return x.reshape(x.shape[0], *s["target_shape"])
        if t == "upsample1d":
            return x.repeat_interleave(s["size"], dim=1)
        if t == "concatenate":
            return torch.cat(xs, -1)
        if t == "add":
            return sum(xs[1:], xs[0])
        raise ValueError(t)


def _output_shape(spec, shapes):
    t, x = spec["type"], shapes[0]
    if t in ("dense", "graph_conv"):
        return x[:-1] + [spec["units"]]
    if t == "conv1d":
        k = spec["kernel_size"]
        return [x[0] if spec.get("padding") == "same" or not x[0] else x[0] - k + 1, spec["filters"]]
    if t in ("max_pool1d", "avg_pool1d"):
        return [(x[0] - spec["pool_size"]) // spec["stride"] + 1 if x[0] else 0, x[1]]
    if t in ("global_max_pool", "global_avg_pool"):
        return [x[1]]
    if t == "flatten":
        return [int(np.prod(x))]
    if t in ("lstm", "gru"):
        h = spec["units"] * (2 if spec.get("bidirectional") else 1)
        return [x[0], h] if spec.get("return_sequences") else [h]
    if t == "reshape":
        return list(spec["target_shape"])
    if t == "upsample1d":
        return [x[0] * spec["size"], x[1]]
    if t == "concatenate":
        return x[:-1] + [sum(s[-1] for s in shapes)]
    return x


_MODULES = {"dense": Dense, "conv1d": Conv1D, "lstm": LSTM, "gru": GRU, "batch_norm": BatchNorm,
            "layer_norm": LayerNorm, "graph_conv": GraphConv}


class HelixNet(nn.Module):
    """One net of NETWORK: named inputs, layers in order (each reads the names in its "inputs"), outputs."""

    def __init__(self, net):
        super().__init__()
        self.net = net
        shapes = {}
        for inp in net["inputs"]:
            shapes[inp["name"]] = [inp.get("length") or 0, 4] if inp["type"] == "dna" else [inp.get("size", 0)]
        for layer in net["layers"]:
            ins = [shapes[i] for i in layer["inputs"]]
            if layer["type"] == "standardize":
                self.add_module("input", Stats(mean=ins[0][-1], scale=ins[0][-1]))
                self.add_module("imputation", Stats(baseline=ins[0][-1]))
            elif layer["type"] == "dropout":
                self.add_module(layer["name"], nn.Dropout(layer.get("rate", 0.0)))
            else:
                self.add_module(layer["name"], _MODULES.get(layer["type"], Op)(layer, ins[0] if len(ins) == 1 else ins))
            shapes[layer["name"]] = _output_shape(layer, ins)

    def forward(self, *args, **inputs):
        values = dict(zip([i["name"] for i in self.net["inputs"]], args), **inputs)
        for layer in self.net["layers"]:
            t, xs = layer["type"], [values[i] for i in layer["inputs"]]
            if t == "standardize":
                x = torch.log1p(xs[0]) if layer.get("transform") == "log1p" else xs[0]
                y = (x - self.input.mean) / self.input.scale
            elif t == "graph_conv":
                y = getattr(self, layer["name"])(xs[0], values["adjacency"])
            elif t == "graph_readout":
                y = _readout(xs[0], values["graph_index"], layer["mode"])
            else:
                y = getattr(self, layer["name"])(*xs)
            values[layer["name"]] = y
        return {o["name"]: values[o["layer"]] for o in self.net["outputs"]}

    def probabilities(self, logits):
        act = {"sigmoid": torch.sigmoid, "softmax": lambda v: torch.softmax(v, -1), "exp": torch.exp}
        return {o["name"]: act.get(o["activation"], lambda v: v)(logits[o["name"]]) for o in self.net["outputs"]}


def _readout(h, graph_index, mode):
    graphs = int(graph_index.max()) + 1 if graph_index.numel() else 0
    index = graph_index.long().unsqueeze(1).expand(-1, h.shape[1])
    if mode == "max":
        out = torch.full((graphs, h.shape[1]), float("-inf")).scatter_reduce(0, index, h, "amax")
        return torch.where(torch.isinf(out), torch.zeros_like(out), out)
    out = torch.zeros(graphs, h.shape[1]).scatter_add(0, index, h)
    if mode == "mean":
        count = torch.zeros(graphs).scatter_add(0, graph_index.long(), torch.ones(h.shape[0]))
        out = out / count.clamp(min=1).unsqueeze(1)
    return out


class HelixGan(nn.Module):
    def __init__(self, nets):
        super().__init__()
        for net in nets:
            self.add_module(net["prefix"], HelixNet(net))


def build_model(network=NETWORK):
    if network["family"] == "gan":
        return HelixGan(network["nets"])
    return HelixNet(network["nets"][0])


# ---- tables and sequences as Helix reads them (core/data/table.cpp, fasta.cpp) ----
def read_records(path):
    """FASTA, a table with a header (sequence column, id/name column, other columns), or one sequence per line.
    Returns a list of dicts {id, sequence, <column>: text}."""
    with open(path) as f:
        lines = [l.rstrip("\r\n") for l in f if l.strip()]
    if not lines:
        return []
    if lines[0].lstrip().startswith(">"):
        records = []
        for line in lines:
            if line.lstrip().startswith(">"):
                words = line.lstrip()[1:].split()
                records.append({"id": words[0] if words else "seq%d" % (len(records) + 1), "sequence": ""})
            else:
                records[-1]["sequence"] += "".join(line.split())
        return records
    delim = "\t" if "\t" in lines[0] else ","
    names = [n.strip() for n in lines[0].split(delim)]
    lower = [n.lower() for n in names]
    if len(names) == 1 and lower[0] not in ("sequence", "seq"):
        return [{"id": "seq%d" % (i + 1), "sequence": l.strip()} for i, l in enumerate(lines)]
    records = []
    for row, line in enumerate(lines[1:], start=1):
        cells = dict(zip(names, [c.strip() for c in line.split(delim)]))
        rec = {n: cells.get(n, "") for n in names}
        seq_col = next((n for n in names if n.lower() == "sequence"), next((n for n in names if n.lower() == "seq"), None))
        id_col = next((n for n in names if n.lower() == "id"), next((n for n in names if n.lower() == "name"), None))
        rec["sequence"] = cells.get(seq_col, "") if seq_col else ""
        rec["id"] = (cells.get(id_col) if id_col else "") or "seq%d" % row
        records.append(rec)
    return records


def model_inputs(net, records):
    """The tensors of `records` (equally long DNA, or fitted to a fixed input length) for net's inputs."""
    out = {}
    for inp in net["inputs"]:
        if inp["type"] == "dna":
            out[inp["name"]] = one_hot_batch([r["sequence"] for r in records], inp.get("length") or 0)
        else:
            out[inp["name"]] = torch.tensor([[float(r[c]) for c in inp["columns"]] for r in records], dtype=torch.float32)
    return out


def length_groups(net, records):
    """Indices of records grouped so that each group can be one batch: any-length DNA models need equal lengths."""
    dna = next((i for i in net["inputs"] if i["type"] == "dna"), None)
    if dna is None or dna.get("length"):
        return [list(range(len(records)))]
    groups = {}
    for i, r in enumerate(records):
        groups.setdefault(len(r["sequence"]), []).append(i)
    return list(groups.values())


# ---- graphs as Helix reads them (core/data/graph.hpp, core/api/graph_session.cpp, core/ops/graph.cpp) ----
def _table(path):
    with open(path) as f:
        lines = [l.rstrip("\r\n") for l in f if l.strip()]
    delim = "\t" if "\t" in lines[0] else ","
    names = [n.strip() for n in lines[0].split(delim)]
    return names, [[c.strip() for c in l.split(delim)] for l in lines[1:]]


_NOT_FEATURES = ("node", "label", "split", "graph", "feature_indices")


def read_graph(nodes_path, edges_path, net=None, dense=False):
    """Helix's nodes and edges tables as the exported graph model's inputs, prepared as Helix prepares them:
    x (N, F) features (feature_indices or numeric columns; without any, structural features: 1 and a one-hot
    degree 0..8, 9+ when "structural" is "degree"; rows scaled to sum 1 for "row_normalize"), adjacency
    (N, N) = D^-1/2 (A + I) D^-1/2 of the undirected, deduplicated, loop-free edges, graph_index (N,) for a
    `graph` column. The adjacency is a sparse COO tensor (dense=True: a dense one, as the ONNX model takes).
    Returns (inputs dict, ids of the rows predicted: nodes, or graphs in order of appearance)."""
    net = net or NETWORK["nets"][0]
    names, rows = _table(nodes_path)
    col = {n: i for i, n in enumerate(names)}
    ids = [r[col["node"]] for r in rows]
    index = {n: i for i, n in enumerate(ids)}
    N, F_ = len(ids), net["inputs"][0]["size"]
    enames, erows = _table(edges_path)
    src, dst = enames.index("source"), enames.index("target")
    edges = set()
    for r in erows:
        u, v = index[r[src]], index[r[dst]]
        if u != v:
            edges.add((min(u, v), max(u, v)))
    x = torch.zeros(N, F_, dtype=torch.float64)
    feature_cols = [n for n in names if n not in _NOT_FEATURES]
    if "feature_indices" in col:
        for i, r in enumerate(rows):
            for k in r[col["feature_indices"]].split(","):
                if k.strip():
                    x[i, int(k)] = 1.0
    elif feature_cols:
        for i, r in enumerate(rows):
            for j, n in enumerate(feature_cols):
                x[i, j] = float(r[col[n]] or 0)
    else:
        degree = [0] * N
        for u, v in edges:
            degree[u] += 1
            degree[v] += 1
        x[:, 0] = 1.0
        if NETWORK.get("structural", "degree") == "degree":
            for i in range(N):
                x[i, 1 + min(degree[i], 9)] = 1.0
    x = x.float()
    if NETWORK.get("featuresMode", "row_normalize") == "row_normalize":
        total = x.double().sum(1, keepdim=True)
        x = torch.where(total == 0, x.double(), x.double() / torch.where(total == 0, torch.ones_like(total), total)).float()
    pairs = [(i, i) for i in range(N)] + [p for u, v in edges for p in ((u, v), (v, u))]
    rows_, cols_ = torch.tensor([p[0] for p in pairs]), torch.tensor([p[1] for p in pairs])
    degree = torch.zeros(N, dtype=torch.float64).index_add_(0, rows_, torch.ones(len(pairs), dtype=torch.float64))
    inv = (1.0 / torch.sqrt(degree)).float()
    adjacency = torch.sparse_coo_tensor(torch.stack([rows_, cols_]), inv[rows_] * inv[cols_], (N, N)).coalesce()
    if dense:
        adjacency = adjacency.to_dense()
    inputs = {"x": x, "adjacency": adjacency}
    if "graph" in col:
        graph_ids, graph_of = [], {}
        for r in rows:
            graph_of.setdefault(r[col["graph"]], len(graph_of))
        graph_ids = list(graph_of)
        inputs["graph_index"] = torch.tensor([graph_of[r[col["graph"]]] for r in rows])
        if any(i["type"] == "graph_index" for i in net["inputs"]):
            return inputs, graph_ids
    return inputs, ids

