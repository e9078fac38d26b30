"""Sizing: GPU memory from parameters, dtype and KV cache; recommendations per GPU shape."""

from __future__ import annotations

import pytest

from mlm.catalog.instance_types import InstanceTypeCatalog, production_variant_instance_types
from mlm.packager import sizing
from tests.packager.models import BERT, CHATGLM

GLM4_9B_PARAMETERS = 9_399_951_360  # THUDM/glm-4-9b-chat, from its safetensors headers


@pytest.fixture(scope="module")
def catalog() -> InstanceTypeCatalog:
    return InstanceTypeCatalog(production_variant_instance_types())


def _glm(catalog: InstanceTypeCatalog, max_model_len: int | None = None) -> sizing.Estimate:
    return sizing.estimate(GLM4_9B_PARAMETERS, 2, CHATGLM, catalog, max_model_len=max_model_len)


def test_glm4_9b_bf16_weights_are_about_19_gb(catalog: InstanceTypeCatalog) -> None:
    weights = _glm(catalog).weights_gib

    assert weights is not None
    assert round(weights * sizing.GIB / 1e9) == 19


def test_glm4_9b_kv_cache_follows_its_grouped_query_config(catalog: InstanceTypeCatalog) -> None:
    # 2 x 40 layers x 2 KV groups x 128 dims x 2 bytes x 131072 tokens = 5 GiB
    assert _glm(catalog).kv_cache_gib == pytest.approx(5.0)


def test_glm4_9b_is_not_recommended_on_a_single_16_gb_gpu(catalog: InstanceTypeCatalog) -> None:
    recommended = _glm(catalog).recommended_instance_types

    assert not {"ml.g4dn.xlarge", "ml.g4dn.2xlarge", "ml.p3.2xlarge"} & set(recommended)


def test_glm4_9b_is_recommended_on_4x24_gb_and_1x48_gb(catalog: InstanceTypeCatalog) -> None:
    shapes = set()
    for name in _glm(catalog).recommended_instance_types:
        described = catalog.get(name)
        assert described is not None
        shapes.add((described.gpu_count, described.gpu_memory_gib))

    assert (1, 48.0) in shapes
    assert (4, 24.0) in shapes


def test_a_shorter_context_shrinks_the_kv_cache(catalog: InstanceTypeCatalog) -> None:
    short = _glm(catalog, max_model_len=8192)

    assert short.kv_cache_gib == pytest.approx(5.0 / 16)
    assert short.max_model_len == 8192


def test_unknown_parameters_give_no_estimate_and_no_recommendation(
    catalog: InstanceTypeCatalog,
) -> None:
    estimate = sizing.estimate(None, 2, CHATGLM, catalog)

    assert (estimate.total_gib, estimate.recommended_instance_types) == (None, [])


def test_encoders_have_no_kv_cache(catalog: InstanceTypeCatalog) -> None:
    estimate = sizing.estimate(110_000_000, 4, BERT, catalog, kv_bytes_per_value=None)

    assert estimate.kv_cache_gib == 0.0
    assert estimate.recommended_instance_types
