#!/usr/bin/python3
"""PyTorch CPU reference for the benchmark suite (W1..W6): a copy of ../shared/bench/reference/torch_bench.py
(bench/suite.mjs runs it; the product does not depend on ../shared). One change: W3's inference batch is 256,
as in the suite's table.

usage: /usr/bin/python3 torch_bench.py [--threads 1,2] [--workloads W1,...] [--budget 40] [--out results/torch.json]
Debian's python3-torch (1.13). Same shapes/timing protocol as workloads.js:
2 warm-up steps + 1 planning step, then >=5 repeats of up to 10 steps; each step
ends with loss.item() / reading the output (synchronising, like the tfjs harness).
"""
import argparse
import json
import os
import statistics
import sys
import time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F


def one_hot_dna(rng, batch, length):
    idx = rng.integers(0, 4, size=(batch, length))
    x = np.zeros((batch, length, 4), dtype=np.float32)
    np.put_along_axis(x, idx[..., None], 1.0, axis=2)
    return torch.from_numpy(x)


class ChannelsLast(nn.Module):
    """[B, L, 4] (channels-last, as fed to tfjs) -> [B, 4, L] for nn.Conv1d."""
    def forward(self, x):
        return x.transpose(1, 2)


class GlobalMax(nn.Module):
    def forward(self, x):
        return x.amax(dim=2)


def w1():
    rng = np.random.default_rng(1)
    m = nn.Sequential(ChannelsLast(), nn.Conv1d(4, 16, 24), nn.ReLU(), GlobalMax(),
                      nn.Linear(16, 32), nn.ReLU(), nn.Linear(32, 1), nn.Sigmoid())
    return m, one_hot_dna(rng, 64, 101), torch.from_numpy((rng.random((64, 1)) < .5).astype(np.float32)), \
        one_hot_dna(rng, 256, 101), nn.BCELoss()


def w2():
    rng = np.random.default_rng(2)
    m = nn.Sequential(ChannelsLast(),
                      nn.Conv1d(4, 300, 19, padding='same'), nn.ReLU(), nn.MaxPool1d(3),
                      nn.Conv1d(300, 200, 11, padding='same'), nn.ReLU(), nn.MaxPool1d(4),
                      nn.Conv1d(200, 200, 7, padding='same'), nn.ReLU(), nn.MaxPool1d(4),
                      nn.Flatten(), nn.Linear(200 * 12, 1000), nn.ReLU(), nn.Linear(1000, 164), nn.Sigmoid())
    return m, one_hot_dna(rng, 64, 600), torch.from_numpy((rng.random((64, 164)) < .1).astype(np.float32)), \
        one_hot_dna(rng, 64, 600), nn.BCELoss()


class DanQLite(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = nn.Conv1d(4, 32, 26)
        self.pool = nn.MaxPool1d(13)
        self.lstm = nn.LSTM(32, 32, batch_first=True, bidirectional=True)
        self.fc = nn.Linear(64, 1)

    def forward(self, x):
        h = self.pool(F.relu(self.conv(x.transpose(1, 2))))  # [B, 32, 13]
        _, (hn, _) = self.lstm(h.transpose(1, 2))           # hn: [2, B, 32] (fwd last, bwd last)
        return torch.sigmoid(self.fc(torch.cat([hn[0], hn[1]], dim=1)))


def w3():
    rng = np.random.default_rng(3)
    return DanQLite(), one_hot_dna(rng, 64, 200), torch.from_numpy((rng.random((64, 1)) < .5).astype(np.float32)), \
        one_hot_dna(rng, 256, 200), nn.BCELoss()


def w5():
    rng = np.random.default_rng(5)
    m = nn.Sequential(nn.Linear(2000, 256), nn.ReLU(), nn.Linear(256, 32), nn.Linear(32, 256), nn.ReLU(),
                      nn.Linear(256, 2000))
    x = torch.from_numpy(rng.random((128, 2000), dtype=np.float32))
    return m, x, x.clone(), torch.from_numpy(rng.random((128, 2000), dtype=np.float32)), nn.MSELoss()


def layers_workload(builder):
    m, x, y, xi, lossf = builder()
    opt = torch.optim.Adam(m.parameters(), lr=1e-3)

    def train():
        opt.zero_grad(set_to_none=True)
        loss = lossf(m(x), y)
        loss.backward()
        opt.step()
        return loss.item()

    def infer():
        with torch.no_grad():
            return float(m(xi)[0].sum())  # read a value back, like the tfjs harness
    return train, infer, sum(p.numel() for p in m.parameters())


def w4(variant='sparse'):
    rng = np.random.default_rng(4)
    N, Fdim, H, C, E = 2708, 1433, 16, 7, 10556
    X = (rng.random((N, Fdim)) < 0.0127).astype(np.float32)
    seen, src, dst = set(), [], []
    while len(src) < E:
        a, b = int(rng.integers(N)), int(rng.integers(N))
        if a == b:
            continue
        k = (min(a, b), max(a, b))
        if k in seen:
            continue
        seen.add(k); src += [a, b]; dst += [b, a]
    src += list(range(N)); dst += list(range(N))
    src, dst = np.array(src), np.array(dst)
    deg = np.bincount(dst, minlength=N).astype(np.float32)
    w = 1.0 / np.sqrt(deg[src] * deg[dst])
    if variant == 'sparse':
        A = torch.sparse_coo_tensor(np.stack([dst, src]), w.astype(np.float32), (N, N)).coalesce()
        Xt = torch.from_numpy(X).to_sparse()
        mm = torch.sparse.mm
    else:
        A = torch.zeros(N, N); A[dst, src] = torch.from_numpy(w.astype(np.float32))
        Xt = torch.from_numpy(X)
        mm = torch.mm
    labels = torch.from_numpy(rng.integers(0, C, N))
    train_idx = torch.arange(140)
    W1 = nn.Parameter(torch.randn(Fdim, H) * np.sqrt(2 / (Fdim + H))); b1 = nn.Parameter(torch.zeros(H))
    W2 = nn.Parameter(torch.randn(H, C) * np.sqrt(2 / (H + C))); b2 = nn.Parameter(torch.zeros(C))
    opt = torch.optim.Adam([W1, b1, W2, b2], lr=1e-2)

    def fwd():
        h = F.relu(mm(A, mm(Xt, W1)) + b1)
        return mm(A, h @ W2) + b2

    def train():
        opt.zero_grad(set_to_none=True)
        loss = F.cross_entropy(fwd()[train_idx], labels[train_idx])
        loss.backward(); opt.step()
        return loss.item()

    def infer():
        with torch.no_grad():
            return float(fwd()[0].sum())
    return train, infer, Fdim * H + H + H * C + C


def w6():
    rng = np.random.default_rng(6)

    class Gen(nn.Module):
        def __init__(self):
            super().__init__()
            self.net = nn.Sequential(nn.Linear(64, 256), nn.ReLU(), nn.Linear(256, 200))

        def forward(self, z):
            return F.softmax(self.net(z).view(-1, 50, 4), dim=-1)
    G = Gen()
    D = nn.Sequential(ChannelsLast(), nn.Conv1d(4, 32, 8), nn.ReLU(), GlobalMax(), nn.Linear(32, 1))
    real = one_hot_dna(rng, 64, 50)
    ones, zeros = torch.ones(64, 1), torch.zeros(64, 1)
    oD, oG = torch.optim.Adam(D.parameters(), 1e-3), torch.optim.Adam(G.parameters(), 1e-3)
    bce = nn.BCEWithLogitsLoss()

    def train():
        oD.zero_grad(set_to_none=True)
        fake = G(torch.randn(64, 64)).detach()
        dl = bce(D(real), ones) + bce(D(fake), zeros)
        dl.backward(); oD.step()
        oG.zero_grad(set_to_none=True)
        gl = bce(D(G(torch.randn(64, 64))), ones)
        gl.backward(); oG.step()
        return dl.item() + gl.item()

    def infer():
        with torch.no_grad():
            return float(G(torch.randn(64, 64))[0].sum())
    return train, infer, sum(p.numel() for p in G.parameters()) + sum(p.numel() for p in D.parameters())


WORKLOADS = {
    'W1': (lambda: layers_workload(w1), 64, 256),
    'W2': (lambda: layers_workload(w2), 64, 64),
    'W3': (lambda: layers_workload(w3), 64, 256),
    'W4': (None, 1, 1),
    'W5': (lambda: layers_workload(w5), 128, 128),
    'W6': (w6, 64, 64),
}


def time_mode(fn, samples, budget_s, warmup=2, steps=10, repeats=5, hard_cap_s=150, min_repeats=3):
    tw = time.perf_counter()
    for _ in range(warmup):
        a = time.perf_counter(); fn()
        if time.perf_counter() - a > 10:  # very slow step: 1 warm-up is enough
            break
    t0 = time.perf_counter(); fn(); t_step = time.perf_counter() - t0
    warm = time.perf_counter() - tw
    if t_step > 30:  # far too slow for repeats: report the single post-warm-up step, flagged
        r = samples / t_step
        return dict(median=r, min=r, max=r, rates=[r], steps=1, repeats=1, warmupS=warm, reduced=True,
                    singleStep=True, stepS=t_step, batch=samples)
    if t_step * steps * repeats > budget_s:
        steps = max(1, int(budget_s // (t_step * repeats)))
    if t_step * steps * repeats > hard_cap_s:
        repeats = max(min_repeats, int(hard_cap_s // (t_step * steps)))
    rates = []
    for _ in range(repeats):
        a = time.perf_counter()
        for _ in range(steps):
            fn()
        rates.append(steps * samples / (time.perf_counter() - a))
    return dict(median=statistics.median(rates), min=min(rates), max=max(rates), rates=rates, steps=steps,
                repeats=repeats, warmupS=warm, reduced=steps < 10 or repeats < 5, batch=samples)



def loaded_blas():
    """The BLAS library this process really loaded (LD_LIBRARY_PATH can put OpenBLAS in place of Debian's default)."""
    with open('/proc/self/maps') as f:
        libs = {line.split()[-1] for line in f if 'blas' in line.split()[-1]}
    return ', '.join(sorted(os.path.realpath(l) for l in libs)) or 'none loaded'

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--threads', default='1,2')
    ap.add_argument('--workloads', default='W1,W2,W3,W4,W5,W6')
    ap.add_argument('--budget', type=float, default=40)
    ap.add_argument('--out', default=None)
    ap.add_argument('--tag', default='')
    a = ap.parse_args()
    torch.manual_seed(0)
    if not a.out:
        os.makedirs(os.path.join(os.path.dirname(os.path.abspath(__file__)), "results"), exist_ok=True)
    for nt in [int(t) for t in a.threads.split(',')]:
        torch.set_num_threads(nt)
        info = dict(system=f'torch-{torch.__version__}-t{nt}{a.tag}', threads=torch.get_num_threads(),
                    torch=torch.__version__, python=sys.version.split()[0],
                    blas=loaded_blas(),
                    ld_library_path=os.environ.get('LD_LIBRARY_PATH', ''),
                    date=time.strftime('%Y-%m-%dT%H:%M:%SZ', time.gmtime()))
        print(json.dumps(info), flush=True)
        results = []
        for name in a.workloads.split(','):
            variants = ['sparse', 'dense'] if name == 'W4' else [None]
            for v in variants:
                builder, tb, ib = WORKLOADS[name]
                train, infer, params = w4(v) if name == 'W4' else builder()
                r = dict(workload=name, variant=v, params=params, backend='torch')
                for mode, fn, bs in (('train', train, tb), ('infer', infer, ib)):
                    try:
                        r[mode] = time_mode(fn, bs, a.budget)
                    except Exception as e:  # noqa: BLE001
                        r[mode] = dict(error=str(e).split('\n')[0][:300])
                    print(f'[t{nt}] {name}{"/" + v if v else ""} {mode}: {json.dumps(r[mode])}', flush=True)
                results.append(r)
        out = a.out or os.path.join(os.path.dirname(os.path.abspath(__file__)), 'results', f'torch-t{nt}{a.tag}.json')
        with open(out, 'w') as f:
            json.dump(dict(info=info, results=results), f, indent=1)
        print('wrote ' + out, flush=True)


if __name__ == '__main__':
    main()
