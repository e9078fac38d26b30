import random
import re
import time
from typing import Any

import pytest

from mlm import naming
from mlm.aws.sagemaker_registry import SageMakerRegistry
from mlm.container import Container
from mlm.errors import BadRequest, Conflict, NotFound, PreconditionFailed, Unprocessable
from mlm.services.registry import codec
from mlm.services.registry.models import Model, ModelService
from mlm.services.registry.requests import ContainerSpec, ModelPatch, NewModel, NewVersion
from mlm.services.registry.versions import ModelVersionService
from tests.botocore_hooks import hooked
from tests.conftest import Keys

RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$")
CONTAINER = ContainerSpec("763104351884.dkr.ecr.us-east-1.amazonaws.com/djl-inference:0.33.0")


def _new(name: str = "glm", **extra: Any) -> NewModel:
    """A model with the metadata this server requires (unless ``extra`` replaces it)."""
    return NewModel(**{"name": name, "metadata": {"license": "apache-2.0"}, **extra})


def _raw_tags(registry: SageMakerRegistry, tenant: str, name: str) -> dict[str, str]:
    group = registry.find_group(naming.physical_name(tenant, name))
    assert group is not None
    return registry.tags(group.arn)


# create ------------------------------------------------------------------------------------


def test_create_returns_the_model(model_service: ModelService, keys: Keys) -> None:
    model = model_service.create(
        keys.tenant,
        _new(description="GLM-4 chat", task="text-generation", owner="ml@example.com"),
    )
    assert model.name == "glm"
    assert model.description == "GLM-4 chat"
    assert model.task == "text-generation"
    assert model.owner == "ml@example.com"
    assert model.metadata == {"license": "apache-2.0"}
    assert model.tags == {}
    assert (model.latest_version, model.version_count) == (None, 0)
    assert RFC3339.match(model.created_at)
    assert RFC3339.match(model.updated_at)


def test_a_new_model_is_not_updated_before_it_was_created(
    model_service: ModelService, container: Container, keys: Keys
) -> None:
    """The stored updated_at is taken before CreateModelPackageGroup; when AWS stamps
    CreationTime in the next second, updated_at must not read one second earlier."""

    def into_the_next_second(**_: Any) -> None:
        time.sleep(1.05 - time.time() % 1)

    with hooked(
        container.clients.sagemaker(),
        "before-call.sagemaker.CreateModelPackageGroup",
        into_the_next_second,
    ):
        created = model_service.create(keys.tenant, _new())
    read = model_service.get(keys.tenant, "glm")
    assert created.updated_at >= created.created_at
    assert read.updated_at >= read.created_at


def test_create_keeps_any_text_in_description_owner_and_metadata(
    model_service: ModelService, keys: Keys
) -> None:
    description = "多语言模型 — «chat»; line one\nline two {json: true} " * 20
    model_service.create(
        keys.tenant,
        _new(
            description=description[:1024],
            owner="Zoë <zoe@example.com>",
            metadata={"license": "GLM-4 license, see https://x.y/z?a=b&c", "note": "100% ✓"},
        ),
    )
    model = model_service.get(keys.tenant, "glm")
    assert model.description == description[:1024]
    assert model.owner == "Zoë <zoe@example.com>"
    assert model.metadata["note"] == "100% ✓"


def test_create_puts_the_service_tags_and_user_tags_on_the_group(
    model_service: ModelService, registry: SageMakerRegistry, keys: Keys
) -> None:
    model_service.create(keys.tenant, _new(tags={"team": "support"}))
    tags = _raw_tags(registry, keys.tenant, "glm")
    assert tags[naming.TAG_TENANT] == keys.tenant
    assert tags[naming.TAG_MANAGED_BY] == naming.MANAGED_BY
    assert tags[naming.TAG_NAME] == "glm"
    assert tags["team"] == "support"


def test_create_without_mandatory_metadata_is_422_naming_the_keys(
    model_service: ModelService, keys: Keys
) -> None:
    with pytest.raises(Unprocessable) as caught:
        model_service.create(keys.tenant, NewModel(name="glm", metadata={"other": "x"}))
    assert caught.value.code == "MISSING_METADATA"
    assert [e.field for e in caught.value.errors] == ["metadata.license"]


def test_create_with_a_blank_mandatory_value_is_422(
    model_service: ModelService, keys: Keys
) -> None:
    with pytest.raises(Unprocessable) as caught:
        model_service.create(keys.tenant, NewModel(name="glm", metadata={"license": "  "}))
    assert caught.value.code == "MISSING_METADATA"


def test_create_twice_is_a_conflict(model_service: ModelService, keys: Keys) -> None:
    model_service.create(keys.tenant, _new())
    with pytest.raises(Conflict) as caught:
        model_service.create(keys.tenant, _new())
    assert caught.value.code == "MODEL_ALREADY_EXISTS"


def test_fields_that_fit_are_readable_in_the_groups_tags(
    model_service: ModelService, registry: SageMakerRegistry, keys: Keys
) -> None:
    """Someone looking at the model package group in the SageMaker console reads its
    task, owner and metadata as tags, not as compressed chunks (mlm:doc:0 = eNqr…)."""
    model_service.create(
        keys.tenant, _new(task="text-generation", owner="ml@example.com", description="GLM & co")
    )
    tags = _raw_tags(registry, keys.tenant, "glm")
    assert tags["mlm:task"] == "text-generation"
    assert tags["mlm:owner"] == "ml@example.com"
    assert tags["mlm:meta:license"] == "apache-2.0"
    assert "mlm:description" not in tags  # "&" is not allowed in a tag: compressed
    assert model_service.get(keys.tenant, "glm").description == "GLM & co"


def test_a_model_stored_in_the_older_compressed_form_still_reads(
    model_service: ModelService, registry: SageMakerRegistry, keys: Keys
) -> None:
    created = model_service.create(keys.tenant, _new(task="text-generation"))
    group = registry.find_group(naming.physical_name(keys.tenant, "glm"))
    assert group is not None
    tags = registry.tags(group.arn)
    old_doc = codec.decode_readable(tags)
    registry.delete_tags(group.arn, [k for k in tags if codec.is_plain_key(k)])
    registry.add_tags(group.arn, codec.encode_doc(old_doc))
    assert model_service.get(keys.tenant, "glm") == created


def test_a_removed_metadata_key_leaves_no_tag(
    model_service: ModelService, registry: SageMakerRegistry, keys: Keys
) -> None:
    model_service.create(keys.tenant, _new(metadata={"license": "mit", "a": "1"}))
    model_service.update(keys.tenant, "glm", ModelPatch(metadata={"a": None}))
    assert "mlm:meta:a" not in _raw_tags(registry, keys.tenant, "glm")


def test_create_refuses_reserved_tag_keys(model_service: ModelService, keys: Keys) -> None:
    with pytest.raises(BadRequest) as caught:
        model_service.create(keys.tenant, _new(tags={"mlm:tenant": "other"}))
    assert caught.value.code == "RESERVED_TAG"


def test_create_refuses_tags_aws_would_refuse(model_service: ModelService, keys: Keys) -> None:
    with pytest.raises(BadRequest) as caught:
        model_service.create(keys.tenant, _new(tags={"team": "support & sales"}))
    assert caught.value.code == "INVALID_TAG"


def test_create_refuses_a_bad_name(model_service: ModelService, keys: Keys) -> None:
    with pytest.raises(BadRequest) as caught:
        model_service.create(keys.tenant, _new(name="Bad_Name"))
    assert caught.value.code == "INVALID_NAME"


def test_create_refuses_what_50_aws_tags_cannot_hold(
    model_service: ModelService, keys: Keys
) -> None:
    # Random CJK text does not compress: 19 values of 256 characters need ~75 tags.
    rng = random.Random(7)
    metadata = {
        f"k{i}": "".join(chr(rng.randrange(0x4E00, 0x9FFF)) for _ in range(256)) for i in range(19)
    }
    metadata["license"] = "x"
    tags = {f"t{i}": "v" for i in range(19)}
    with pytest.raises(Unprocessable) as caught:
        model_service.create(keys.tenant, _new(metadata=metadata, tags=tags))
    assert caught.value.code == "TOO_MANY_TAGS"


# get ---------------------------------------------------------------------------------------


def test_get_unknown_model_is_404(model_service: ModelService, keys: Keys) -> None:
    with pytest.raises(NotFound) as caught:
        model_service.get(keys.tenant, "nothing")
    assert caught.value.code == "MODEL_NOT_FOUND"


def test_another_tenants_model_is_404(model_service: ModelService, keys: Keys) -> None:
    model_service.create(keys.other_tenant, _new())
    with pytest.raises(NotFound):
        model_service.get(keys.tenant, "glm")


def test_get_counts_versions(
    model_service: ModelService, version_service: ModelVersionService, keys: Keys
) -> None:
    model_service.create(keys.tenant, _new())
    for _ in range(2):
        version_service.create(keys.tenant, "glm", NewVersion(CONTAINER), "t/admin")
    model = model_service.get(keys.tenant, "glm")
    assert (model.latest_version, model.version_count) == (2, 2)


# list --------------------------------------------------------------------------------------


def test_list_shows_only_this_tenants_models(model_service: ModelService, keys: Keys) -> None:
    model_service.create(keys.tenant, _new("a"))
    model_service.create(keys.other_tenant, _new("b"))
    page = model_service.list_models(keys.tenant)
    assert [m.name for m in page.items] == ["a"]
    assert page.next_page_token is None


def test_list_filters_by_name_prefix_task_and_owner(
    model_service: ModelService, keys: Keys
) -> None:
    model_service.create(keys.tenant, _new("glm-chat", task="text-generation", owner="a"))
    model_service.create(keys.tenant, _new("glm-embed", task="feature-extraction", owner="b"))
    model_service.create(keys.tenant, _new("qwen", task="text-generation", owner="b"))

    def names(**filters: Any) -> list[str]:
        return [m.name for m in model_service.list_models(keys.tenant, **filters).items]

    assert names(name_prefix="glm") == ["glm-chat", "glm-embed"]
    assert names(task="text-generation") == ["glm-chat", "qwen"]
    assert names(owner="b") == ["glm-embed", "qwen"]
    assert names(name_prefix="glm", owner="b") == ["glm-embed"]


def test_list_pages_through_every_model_once(model_service: ModelService, keys: Keys) -> None:
    for name in ["m1", "m2", "m3", "m4", "m5"]:
        model_service.create(keys.tenant, _new(name))
    seen: list[str] = []
    token = None
    while True:
        page = model_service.list_models(keys.tenant, page_size=2, page_token=token)
        seen += [m.name for m in page.items]
        token = page.next_page_token
        if token is None:
            break
    assert seen == ["m1", "m2", "m3", "m4", "m5"]


def test_list_refuses_a_made_up_page_token(model_service: ModelService, keys: Keys) -> None:
    with pytest.raises(BadRequest) as caught:
        model_service.list_models(keys.tenant, page_token="bm90LWEtdG9rZW4")
    assert caught.value.code == "INVALID_PAGE_TOKEN"


def test_list_refuses_a_token_with_other_filters(model_service: ModelService, keys: Keys) -> None:
    for name in ["m1", "m2"]:
        model_service.create(keys.tenant, _new(name))
    token = model_service.list_models(keys.tenant, page_size=1).next_page_token
    with pytest.raises(BadRequest) as caught:
        model_service.list_models(keys.tenant, owner="x", page_size=1, page_token=token)
    assert caught.value.code == "INVALID_PAGE_TOKEN"


# update ------------------------------------------------------------------------------------


def test_update_sets_and_removes_fields(model_service: ModelService, keys: Keys) -> None:
    model_service.create(keys.tenant, _new(description="old", task="text-generation"))
    model = model_service.update(keys.tenant, "glm", ModelPatch(description="new", task=None))
    assert (model.description, model.task) == ("new", None)
    assert model_service.get(keys.tenant, "glm") == model


def test_update_merges_metadata(model_service: ModelService, keys: Keys) -> None:
    model_service.create(keys.tenant, _new(metadata={"license": "mit", "a": "1", "b": "2"}))
    model = model_service.update(keys.tenant, "glm", ModelPatch(metadata={"a": None, "c": "3"}))
    assert model.metadata == {"license": "mit", "b": "2", "c": "3"}


def test_update_cannot_remove_mandatory_metadata(model_service: ModelService, keys: Keys) -> None:
    model_service.create(keys.tenant, _new())
    with pytest.raises(Unprocessable) as caught:
        model_service.update(keys.tenant, "glm", ModelPatch(metadata={"license": None}))
    assert caught.value.code == "MISSING_METADATA"


def test_update_adds_and_removes_user_tags(
    model_service: ModelService, registry: SageMakerRegistry, keys: Keys
) -> None:
    model_service.create(keys.tenant, _new(tags={"team": "a", "env": "dev"}))
    model = model_service.update(keys.tenant, "glm", ModelPatch(tags={"team": None, "cost": "42"}))
    assert model.tags == {"env": "dev", "cost": "42"}
    assert "team" not in _raw_tags(registry, keys.tenant, "glm")


def test_update_to_shorter_text_leaves_no_stale_chunks(
    model_service: ModelService, registry: SageMakerRegistry, keys: Keys
) -> None:
    long_text = "".join(chr(0x4E00 + (i * 7919) % 20000) for i in range(1024))
    model_service.create(keys.tenant, _new(description=long_text))
    model_service.update(keys.tenant, "glm", ModelPatch(description="short"))
    tags = _raw_tags(registry, keys.tenant, "glm")
    chunks = [k for k in tags if k.startswith("mlm:doc:") and k != "mlm:doc:n"]
    assert len(chunks) == int(tags["mlm:doc:n"])
    assert model_service.get(keys.tenant, "glm").description == "short"


def test_update_runs_the_precondition_on_the_current_model(
    model_service: ModelService, keys: Keys
) -> None:
    created = model_service.create(keys.tenant, _new(description="v1"))
    seen: list[Model] = []

    def stale(current: Model) -> None:
        seen.append(current)
        raise PreconditionFailed(code="ETAG_MISMATCH", detail="stale")

    with pytest.raises(PreconditionFailed):
        model_service.update(keys.tenant, "glm", ModelPatch(description="v2"), precondition=stale)
    assert seen == [created]
    assert model_service.get(keys.tenant, "glm").description == "v1"


def test_update_of_another_tenants_model_is_404(model_service: ModelService, keys: Keys) -> None:
    model_service.create(keys.other_tenant, _new())
    with pytest.raises(NotFound):
        model_service.update(keys.tenant, "glm", ModelPatch(description="mine now"))


# delete ------------------------------------------------------------------------------------


def test_delete_removes_the_model(model_service: ModelService, keys: Keys) -> None:
    model_service.create(keys.tenant, _new())
    model_service.delete(keys.tenant, "glm")
    with pytest.raises(NotFound):
        model_service.get(keys.tenant, "glm")


def test_delete_with_versions_needs_force(
    model_service: ModelService, version_service: ModelVersionService, keys: Keys
) -> None:
    model_service.create(keys.tenant, _new())
    version_service.create(keys.tenant, "glm", NewVersion(CONTAINER), "t/admin")
    with pytest.raises(Conflict) as caught:
        model_service.delete(keys.tenant, "glm")
    assert caught.value.code == "MODEL_HAS_VERSIONS"
    assert model_service.get(keys.tenant, "glm").version_count == 1


def test_delete_with_force_removes_versions_and_model(
    model_service: ModelService,
    version_service: ModelVersionService,
    registry: SageMakerRegistry,
    keys: Keys,
) -> None:
    model_service.create(keys.tenant, _new())
    version_service.create(keys.tenant, "glm", NewVersion(CONTAINER), "t/admin")
    model_service.delete(keys.tenant, "glm", force=True)
    assert registry.find_group(naming.physical_name(keys.tenant, "glm")) is None
    assert registry.list_packages(naming.physical_name(keys.tenant, "glm")) == []


def test_delete_while_deployed_is_model_in_use(
    model_service: ModelService,
    version_service: ModelVersionService,
    deployed: dict[tuple[str, int], list[str]],
    keys: Keys,
) -> None:
    model_service.create(keys.tenant, _new())
    version_service.create(keys.tenant, "glm", NewVersion(CONTAINER), "t/admin")
    deployed[("glm", 1)] = ["chat"]
    with pytest.raises(Conflict) as caught:
        model_service.delete(keys.tenant, "glm", force=True)
    assert caught.value.code == "MODEL_IN_USE"
    assert "chat" in caught.value.detail


def test_delete_unknown_model_is_404(model_service: ModelService, keys: Keys) -> None:
    with pytest.raises(NotFound) as caught:
        model_service.delete(keys.tenant, "nothing")
    assert caught.value.code == "MODEL_NOT_FOUND"
