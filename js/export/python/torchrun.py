"""torchrun.py: `torchrun` for PyTorch builds whose own launcher fails on Python >= 3.11 (Debian's torch 1.13:
"AttributeError: 'NoneType' object has no attribute 'get'" in elastic/multiprocessing/api.py, because
Std.from_str compares an Enum with an int). Same arguments as torchrun:

    python3 torchrun.py --standalone --nproc_per_node=2 train.py --data train.tsv --epochs 1
"""
import torch.distributed.elastic.multiprocessing.api as api
from torch.distributed.run import main


def _from_str(cls, vm):
    if ":" not in vm:
        return cls(int(vm))
    return {int(k): cls(int(v)) for k, v in (pair.split(":") for pair in vm.split(","))}


api.Std.from_str = classmethod(_from_str)

if __name__ == "__main__":
    main()
