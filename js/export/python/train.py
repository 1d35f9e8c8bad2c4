"""train.py: trains the exported Helix model on a labelled table, on one CPU or GPU, or on many processes
with DistributedDataParallel when launched by torchrun:

    python3 train.py --data train.tsv --epochs 10 --out trained.safetensors
    torchrun --nproc_per_node=4 train.py --data train.tsv --epochs 10 --out trained.safetensors

The table is the one `helix train` reads: TSV or CSV with a header, a sequence column, one label column
per head (0/1, or class indices 0..K-1; an empty cell is a missing label that head skips) and the model's
feature columns. Starts from --weights (default: the exported weights.safetensors), Adam with the spec's
learning rate unless --lr. Backend: nccl on GPUs, gloo on CPUs. Batches are made per sequence length (any-
length models need equal lengths within a batch), shuffled with --seed and the epoch, and dealt out to the
processes in turn; each process takes the same number, so every step is one synchronised DDP step.
Rank 0 writes --out (safetensors, the state_dict's names: `helix import` reads it back).
"""
import argparse
import os
import random
import sys
import time

import torch
import torch.distributed as dist
import torch.nn.functional as F

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import helix_model as hm  # noqa: E402


def batches(net, records, batch_size, seed):
    rng = random.Random(seed)
    out = []
    for group in hm.length_groups(net, records):
        rng.shuffle(group)
        out += [group[i:i + batch_size] for i in range(0, len(group), batch_size)]
    rng.shuffle(out)
    return out


def loss_of(net, logits, records):
    total = 0.0
    for o in net["outputs"]:
        column = o.get("label", o["name"])
        keep = [i for i, r in enumerate(records) if r.get(column, "") != ""]
        if not keep:
            continue
        z = logits[o["name"]][keep]
        y = torch.tensor([float(records[i][column]) for i in keep])
        loss = o.get("loss", "softmax_cross_entropy" if o["activation"] == "softmax" else "bce_with_logits")
        if loss == "softmax_cross_entropy":
            total = total + F.cross_entropy(z.reshape(len(keep), -1), y.long(), reduction="sum") / len(records)
        elif loss == "mse":  # a regression head: the mean squared error, as Helix trains it
            total = total + F.mse_loss(z.reshape(-1), y, reduction="sum") / len(records)
        elif loss == "poisson":  # a count head: z is the log rate
            total = total + F.poisson_nll_loss(z.reshape(-1), y, log_input=True, reduction="sum") / len(records)
        else:
            total = total + F.binary_cross_entropy_with_logits(z.reshape(-1), y, reduction="sum") / len(records)
    return total


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", required=True)
    ap.add_argument("--weights", default=os.path.join(here, "weights.safetensors"))
    ap.add_argument("--out", default="trained.safetensors")
    ap.add_argument("--epochs", type=int, default=1)
    ap.add_argument("--steps", type=int, default=0, help="stop after this many steps (0: whole epochs)")
    ap.add_argument("--batch-size", type=int, default=hm.NETWORK.get("training", {}).get("batch_size", 64))
    ap.add_argument("--lr", type=float, default=hm.NETWORK.get("optimizer", {}).get("learning_rate", 1e-3))
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()

    world = int(os.environ.get("WORLD_SIZE", "1"))
    rank = int(os.environ.get("RANK", "0"))
    device = torch.device("cpu")
    if world > 1:
        backend = "nccl" if torch.cuda.is_available() else "gloo"
        dist.init_process_group(backend)
        if backend == "nccl":
            device = torch.device("cuda", int(os.environ.get("LOCAL_RANK", "0")))
            torch.cuda.set_device(device)
    elif torch.cuda.is_available():
        device = torch.device("cuda")
    torch.manual_seed(a.seed)

    net = hm.NETWORK["nets"][0]
    if hm.NETWORK["family"] != "sequence":
        sys.exit("train.py trains sequence and table-column models; this is a %s" % hm.NETWORK["family"])
    model = hm.build_model()
    model.load_state_dict(hm.load_weights(a.weights))
    model.to(device)
    frozen = {l["name"] for l in net["layers"] if l.get("trainable") is False}
    for name, p in model.named_parameters():
        p.requires_grad_(name.split(".")[0] not in frozen)
    runner = torch.nn.parallel.DistributedDataParallel(model) if world > 1 else model
    optimizer = torch.optim.Adam([p for p in model.parameters() if p.requires_grad], lr=a.lr)
    records = hm.read_records(a.data)
    steps = 0
    for epoch in range(a.epochs):
        start, total, n = time.time(), 0.0, 0
        mine = batches(net, records, a.batch_size, a.seed * 1000 + epoch)
        per_rank = len(mine) // world
        mine = mine[rank::world][:per_rank]
        runner.train()
        for b in mine:
            rows = [records[i] for i in b]
            inputs = {k: v.to(device) for k, v in hm.model_inputs(net, rows).items()}
            loss = loss_of(net, runner(**inputs), rows)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            total, n, steps = total + float(loss) * len(rows), n + len(rows), steps + 1
            if a.steps and steps >= a.steps:
                break
        if rank == 0:
            print("epoch %d: loss %.4f (rank 0: %d rows in %d batches) on %d process%s, %.2f s" % (
                epoch + 1, total / max(n, 1), n, len(mine), world, "" if world == 1 else "es", time.time() - start),
                file=sys.stderr)
        if a.steps and steps >= a.steps:
            break
    if rank == 0:
        if a.out.endswith((".pt", ".pth")):
            torch.save(model.state_dict(), a.out)
        else:
            hm.save_safetensors(model.state_dict(), a.out, {"trained_by": "train.py", "processes": str(world)})
    if world > 1:
        dist.barrier()
        dist.destroy_process_group()


if __name__ == "__main__":
    main()
