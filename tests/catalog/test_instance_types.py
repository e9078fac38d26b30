import botocore.session
import pytest

from mlm.catalog import families
from mlm.catalog.instance_types import (
    InstanceType,
    InstanceTypeCatalog,
    production_variant_instance_types,
)

# GLM-4-9B in bf16: about 19 GB of weights (AWS_FACTS.md, "Sizing").
GLM_4_9B_BF16_GIB = 19.0
EVERYTHING = 1000


@pytest.fixture(scope="module")
def catalog() -> InstanceTypeCatalog:
    return InstanceTypeCatalog(production_variant_instance_types())


def _get(catalog: InstanceTypeCatalog, name: str) -> InstanceType:
    found = catalog.get(name)
    assert found is not None, name
    return found


def _botocore_enum() -> list[str]:
    model = botocore.session.get_session().get_service_model("sagemaker")
    return list(model.shape_for("ProductionVariantInstanceType").enum)


def test_the_names_are_botocores_production_variant_enum(catalog: InstanceTypeCatalog) -> None:
    assert [t.name for t in catalog.all()] == sorted(_botocore_enum())


def test_every_family_botocore_lists_is_in_the_table(catalog: InstanceTypeCatalog) -> None:
    unknown = {t.family for t in catalog.all() if not families.is_known_family(t.family)}
    assert unknown == set()


def test_a_name_outside_the_enum_is_not_valid(catalog: InstanceTypeCatalog) -> None:
    assert catalog.is_valid("ml.g5.12xlarge")
    assert not catalog.is_valid("ml.g5.13xlarge")
    assert not catalog.is_valid("g5.12xlarge")


def test_get_of_an_unknown_name_is_none(catalog: InstanceTypeCatalog) -> None:
    assert catalog.get("ml.nope.xlarge") is None


def test_a_multi_gpu_type_has_the_documented_gpus(catalog: InstanceTypeCatalog) -> None:
    g5 = catalog.get("ml.g5.12xlarge")
    assert g5 is not None
    assert (g5.gpu_count, g5.gpu_model, g5.gpu_memory_gib) == (4, "NVIDIA A10G", 24.0)
    assert (g5.vcpus, g5.memory_gib, g5.accelerated) == (48, 192.0, True)


def test_g6e_has_eight_gib_per_vcpu(catalog: InstanceTypeCatalog) -> None:
    g6e = catalog.get("ml.g6e.xlarge")
    assert g6e is not None
    assert (g6e.gpu_count, g6e.gpu_memory_gib, g6e.vcpus, g6e.memory_gib) == (1, 48.0, 4, 32.0)


def test_a_cpu_type_has_zero_gpus_and_is_not_accelerated(catalog: InstanceTypeCatalog) -> None:
    m5 = catalog.get("ml.m5.2xlarge")
    assert m5 is not None
    assert (m5.gpu_count, m5.gpu_model, m5.gpu_memory_gib) == (0, None, None)
    assert (m5.vcpus, m5.memory_gib, m5.accelerated) == (8, 32.0, False)


def test_inferentia_is_accelerated_without_gpus(catalog: InstanceTypeCatalog) -> None:
    inf2 = catalog.get("ml.inf2.24xlarge")
    assert inf2 is not None
    assert (inf2.gpu_count, inf2.accelerated, inf2.vcpus, inf2.memory_gib) == (0, True, 96, 384.0)


def test_a_size_that_breaks_the_naming_rule_uses_its_own_figures(
    catalog: InstanceTypeCatalog,
) -> None:
    c4 = catalog.get("ml.c4.8xlarge")
    assert c4 is not None
    assert (c4.vcpus, c4.memory_gib) == (36, 60.0)


def test_facts_not_known_for_sure_are_none(catalog: InstanceTypeCatalog) -> None:
    g7e = catalog.get("ml.g7e.2xlarge")
    assert g7e is not None
    assert (g7e.gpu_count, g7e.gpu_memory_gib, g7e.memory_gib) == (None, None, None)
    assert g7e.accelerated


def test_sizing_table_of_aws_facts_holds(catalog: InstanceTypeCatalog) -> None:
    expected = {
        "ml.g4dn.xlarge": (1, 16.0),
        "ml.g4dn.12xlarge": (4, 16.0),
        "ml.g5.48xlarge": (8, 24.0),
        "ml.g6.24xlarge": (4, 24.0),
        "ml.g6e.48xlarge": (8, 48.0),
        "ml.p3.8xlarge": (4, 16.0),
        "ml.p4d.24xlarge": (8, 40.0),
        "ml.p4de.24xlarge": (8, 80.0),
        "ml.p5.48xlarge": (8, 80.0),
        "ml.p5e.48xlarge": (8, 141.0),
    }
    found = {}
    for name in expected:
        t = catalog.get(name)
        assert t is not None
        found[name] = (t.gpu_count, t.gpu_memory_gib)
    assert found == expected


def test_glm_4_9b_is_not_recommended_on_one_16_gib_gpu(catalog: InstanceTypeCatalog) -> None:
    assert "ml.g4dn.xlarge" not in catalog.recommend(GLM_4_9B_BF16_GIB, limit=EVERYTHING)


def test_glm_4_9b_is_recommended_on_four_24_gib_gpus(catalog: InstanceTypeCatalog) -> None:
    assert "ml.g5.12xlarge" in catalog.recommend(GLM_4_9B_BF16_GIB, limit=EVERYTHING)


def test_glm_4_9b_is_recommended_on_one_48_gib_gpu(catalog: InstanceTypeCatalog) -> None:
    assert "ml.g6e.xlarge" in catalog.recommend(GLM_4_9B_BF16_GIB, limit=EVERYTHING)


def test_recommend_adds_twenty_percent_overhead(catalog: InstanceTypeCatalog) -> None:
    # 20 GiB fits 24 GiB raw, but not with 20 % on top (24 GiB).
    assert "ml.g5.xlarge" in catalog.recommend(19.9, gpu_count=1, limit=EVERYTHING)
    assert "ml.g5.xlarge" not in catalog.recommend(20.1, gpu_count=1, limit=EVERYTHING)


def test_recommend_puts_fewest_gpus_first_then_smallest_host(
    catalog: InstanceTypeCatalog,
) -> None:
    assert catalog.recommend(GLM_4_9B_BF16_GIB, limit=3) == [
        "ml.g5.xlarge",
        "ml.g6.xlarge",
        "ml.g5.2xlarge",
    ]


def test_recommend_honours_the_gpu_count(catalog: InstanceTypeCatalog) -> None:
    names = catalog.recommend(GLM_4_9B_BF16_GIB, gpu_count=4, limit=EVERYTHING)
    assert names
    assert all((_get(catalog, name).gpu_count or 0) >= 4 for name in names)


def test_recommend_orders_by_total_gpu_memory_within_a_gpu_count(
    catalog: InstanceTypeCatalog,
) -> None:
    names = catalog.recommend(None, gpu_count=4, limit=EVERYTHING)
    totals = [
        _get(catalog, n).total_gpu_memory_gib or 0.0
        for n in names
        if _get(catalog, n).gpu_count == 4
    ]
    assert len(totals) > 1
    assert totals == sorted(totals)


def test_recommend_respects_the_limit(catalog: InstanceTypeCatalog) -> None:
    assert len(catalog.recommend(GLM_4_9B_BF16_GIB, limit=2)) == 2


def test_recommend_without_requirements_is_empty(catalog: InstanceTypeCatalog) -> None:
    assert catalog.recommend(None) == []


def test_recommend_never_names_a_type_with_unknown_gpu_memory(
    catalog: InstanceTypeCatalog,
) -> None:
    names = catalog.recommend(1.0, limit=EVERYTHING)
    assert all(_get(catalog, n).gpu_memory_gib is not None for n in names)
    assert "ml.p6-b300.48xlarge" not in catalog.recommend(None, gpu_count=8, limit=EVERYTHING)


def test_a_need_no_type_can_hold_recommends_nothing(catalog: InstanceTypeCatalog) -> None:
    assert catalog.recommend(10_000.0) == []


def test_filter_by_family(catalog: InstanceTypeCatalog) -> None:
    assert {t.family for t in catalog.filter(family="g6e")} == {"g6e"}
    assert len(catalog.filter(family="g6e")) == 8


def test_filter_by_accelerated(catalog: InstanceTypeCatalog) -> None:
    cpu = catalog.filter(accelerated=False)
    assert cpu
    assert all(t.gpu_count == 0 and not t.accelerated for t in cpu)


def test_filter_by_min_gpu_memory_uses_total_gpu_memory(catalog: InstanceTypeCatalog) -> None:
    names = {t.name for t in catalog.filter(min_gpu_memory_gib=96)}
    assert "ml.g5.12xlarge" in names  # 4 x 24 GiB
    assert "ml.g6e.xlarge" not in names  # 1 x 48 GiB
