"""tests/wasm/export_check.py: runs exported Helix models in PyTorch for tests/wasm/export-pytorch.test.mjs,
all in one process (importing torch once). argv[1]: a JSON list of {dir, input, kind, weights?}; prints JSON
{dir: {output name: [[probabilities] per record]}} with full float precision.
kind "predict": predict.py's predict() on the records of `input` (what `python3 predict.py` prints, unrounded).
kind "discriminator": a GAN's discriminator on the sequences of `input`; "autoencoder": the reconstruction of
the matrix in `input` (TSV: id, then one column per gene); "generator": base probabilities for noise rows.
"""
import importlib.util
import json
import sys

import torch


def load(path, name):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def main():
    out = {}
    for i, case in enumerate(json.loads(open(sys.argv[1]).read())):
        d = case["dir"]
        hm = load(d + "/helix_model.py", "helix_model")
        weights = case.get("weights", d + "/weights.safetensors")
        if case["kind"] == "predict":
            pr = load(d + "/predict.py", "predict_%d" % i)
            records = hm.read_records(case["input"])
            out[d] = pr.predict(pr.load(weights), records)
            continue
        model = hm.build_model()
        model.load_state_dict(hm.load_safetensors(weights))
        model.eval()
        rows = [line.rstrip("\n").split("\t") for line in open(case["input"]) if line.strip()][1:]
        with torch.no_grad():
            if case["kind"] == "discriminator":
                x = hm.one_hot_batch([r[1] for r in rows])
                p = model.discriminator.probabilities(model.discriminator(dna=x))
            elif case["kind"] == "generator":
                p = model.generator(z=torch.tensor([[float(v) for v in r] for r in rows]))
            else:
                p = model(x=torch.tensor([[float(v) for v in r[1:]] for r in rows]))
        out[d] = {k: v.reshape(len(rows), -1).tolist() for k, v in p.items()}
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main()
