"""EndpointService against the emulator, without HTTP."""

from __future__ import annotations

import pytest

from mlm.aws.sagemaker_hosting import NewVariant, SageMakerHosting
from mlm.container import Container
from mlm.errors import BadRequest, Conflict, NotFound, Unprocessable
from mlm.services.endpoints.requests import Deployment, NewEndpoint, VariantChange, VariantSpec
from mlm.services.endpoints.service import EndpointService
from mlm.services.endpoints.views import Endpoint
from tests.conftest import Keys, Transitions
from tests.polling import poll
from tests.services.endpoints.conftest import MakeVersion, leftovers, new, wait_for, wait_gone

# --- create -------------------------------------------------------------------------------


def test_create_answers_creating_with_the_requested_variant(
    endpoint_service: EndpointService,
    keys: Keys,
    make_version: MakeVersion,
    transitions: Transitions,
) -> None:
    make_version()
    transitions.hold()  # a loaded machine could otherwise read it back already in service
    endpoint = endpoint_service.create(keys.tenant, new(instance_count=2))
    assert endpoint.status == "creating"
    (variant,) = endpoint.variants
    assert (variant.name, variant.model_name, variant.model_version) == ("primary", "chat", 1)
    assert (variant.instance_type, variant.desired_instance_count) == ("ml.g5.2xlarge", 2)


def test_created_endpoint_reaches_in_service_with_current_counts(
    endpoint_service: EndpointService, keys: Keys, live: Endpoint
) -> None:
    (variant,) = live.variants
    assert variant.current_instance_count == 1
    assert variant.status == "in_service"
    assert live.failure_reason is None


@pytest.mark.parametrize("instance_type", ["ml.g5.2xlarge", "ml.g6e.12xlarge", "ml.p5.48xlarge"])
def test_gpu_instance_types_can_be_created_scaled_and_moved(
    endpoint_service: EndpointService,
    keys: Keys,
    make_version: MakeVersion,
    container: Container,
    instance_type: str,
) -> None:
    make_version()
    endpoint_service.create(keys.tenant, new(instance_type=instance_type))
    wait_for(endpoint_service, keys.tenant, "chat-ep", "in_service")
    endpoint_service.update(keys.tenant, "chat-ep", [VariantChange("primary", instance_count=3)])
    scaled = wait_for(endpoint_service, keys.tenant, "chat-ep", "in_service")
    assert scaled.variants[0].current_instance_count == 3
    other = "ml.g6.12xlarge" if instance_type != "ml.g6.12xlarge" else "ml.g5.48xlarge"
    endpoint_service.update(keys.tenant, "chat-ep", [VariantChange("primary", instance_type=other)])
    moved = wait_for(endpoint_service, keys.tenant, "chat-ep", "in_service")
    assert (moved.variants[0].instance_type, moved.variants[0].current_instance_count) == (
        other,
        3,
    )
    endpoint_service.delete(keys.tenant, "chat-ep")
    wait_gone(endpoint_service, keys.tenant, "chat-ep")
    assert leftovers(container, keys.tenant) == {"endpoints": [], "configs": [], "models": []}


def test_create_tags_every_resource_it_makes(
    endpoint_service: EndpointService, keys: Keys, make_version: MakeVersion, container: Container
) -> None:
    make_version()
    request = NewEndpoint(
        "chat-ep", [VariantSpec("chat", 1, "ml.g5.2xlarge")], tags={"team": "support"}
    )
    endpoint_service.create(keys.tenant, request)
    sm = container.clients.sagemaker()
    found = leftovers(container, keys.tenant)
    arns = [sm.describe_endpoint(EndpointName=n)["EndpointArn"] for n in found["endpoints"]]
    arns += [
        sm.describe_endpoint_config(EndpointConfigName=n)["EndpointConfigArn"]
        for n in found["configs"]
    ]
    arns += [sm.describe_model(ModelName=n)["ModelArn"] for n in found["models"]]
    assert len(arns) == 3
    for arn in arns:
        tags = {t["Key"]: t["Value"] for t in sm.list_tags(ResourceArn=arn)["Tags"]}
        assert tags["mlm:tenant"] == keys.tenant
        assert tags["mlm:endpoint"] == "chat-ep"
        assert tags["team"] == "support"


def test_create_reports_user_tags_only(
    endpoint_service: EndpointService, keys: Keys, make_version: MakeVersion
) -> None:
    make_version()
    request = NewEndpoint("chat-ep", [VariantSpec("chat", 1, "ml.g5.2xlarge")], tags={"a": "b"})
    assert endpoint_service.create(keys.tenant, request).tags == {"a": "b"}


def test_create_names_derived_resources_after_the_endpoint(
    endpoint_service: EndpointService, keys: Keys, make_version: MakeVersion, container: Container
) -> None:
    make_version()
    endpoint_service.create(keys.tenant, new())
    found = leftovers(container, keys.tenant)
    assert found["endpoints"] == [f"mlm-{keys.tenant}-chat-ep"]
    assert [c.rsplit("-", 1)[0] for c in found["configs"]] == [f"mlm-{keys.tenant}-chat-ep--c"]
    assert [m.startswith(f"mlm-{keys.tenant}-chat-ep--m-") for m in found["models"]] == [True]


def test_enhanced_metrics_are_reported_when_requested(
    endpoint_service: EndpointService, keys: Keys, make_version: MakeVersion
) -> None:
    make_version()
    request = NewEndpoint("chat-ep", [VariantSpec("chat", 1, "ml.g5.2xlarge")], True)
    assert endpoint_service.create(keys.tenant, request).enhanced_metrics is True


def test_duplicate_name_is_endpoint_already_exists(
    endpoint_service: EndpointService, keys: Keys, live: Endpoint
) -> None:
    with pytest.raises(Conflict) as caught:
        endpoint_service.create(keys.tenant, new())
    assert caught.value.code == "ENDPOINT_ALREADY_EXISTS"


def test_unknown_model_is_model_not_found_and_creates_nothing(
    endpoint_service: EndpointService, keys: Keys, container: Container
) -> None:
    with pytest.raises(NotFound) as caught:
        endpoint_service.create(keys.tenant, new(model_name="nope"))
    assert caught.value.code == "MODEL_NOT_FOUND"
    assert leftovers(container, keys.tenant) == {"endpoints": [], "configs": [], "models": []}


def test_unknown_version_is_version_not_found_and_creates_nothing(
    endpoint_service: EndpointService, keys: Keys, make_version: MakeVersion, container: Container
) -> None:
    make_version()
    request = NewEndpoint(
        "chat-ep",
        [
            VariantSpec("chat", 1, "ml.g5.2xlarge", name="a"),
            VariantSpec("chat", 7, "ml.g5.2xlarge", name="b"),
        ],
    )
    with pytest.raises(NotFound) as caught:
        endpoint_service.create(keys.tenant, request)
    assert caught.value.code == "VERSION_NOT_FOUND"
    assert leftovers(container, keys.tenant) == {"endpoints": [], "configs": [], "models": []}


def test_unknown_instance_type_is_rejected(
    endpoint_service: EndpointService, keys: Keys, make_version: MakeVersion
) -> None:
    make_version()
    with pytest.raises(Unprocessable) as caught:
        endpoint_service.create(keys.tenant, new(instance_type="ml.g99.huge"))
    assert caught.value.errors[0].field == "variants[0].instance_type"


def test_duplicate_variant_names_are_rejected(
    endpoint_service: EndpointService, keys: Keys
) -> None:
    spec = VariantSpec("chat", 1, "ml.g5.2xlarge")
    with pytest.raises(Unprocessable) as caught:
        endpoint_service.create(keys.tenant, NewEndpoint("chat-ep", [spec, spec]))
    assert caught.value.code == "INVALID_ENDPOINT"


def test_all_zero_weights_are_rejected(endpoint_service: EndpointService, keys: Keys) -> None:
    with pytest.raises(Unprocessable):
        endpoint_service.create(keys.tenant, new(initial_weight=0.0))


def test_reserved_tag_keys_are_rejected(endpoint_service: EndpointService, keys: Keys) -> None:
    request = NewEndpoint(
        "chat-ep", [VariantSpec("chat", 1, "ml.g5.2xlarge")], tags={"mlm:tenant": "x"}
    )
    with pytest.raises(Unprocessable):
        endpoint_service.create(keys.tenant, request)


# --- read ---------------------------------------------------------------------------------


def test_get_of_a_missing_endpoint_is_endpoint_not_found(
    endpoint_service: EndpointService, keys: Keys
) -> None:
    with pytest.raises(NotFound) as caught:
        endpoint_service.get(keys.tenant, "nothing")
    assert caught.value.code == "ENDPOINT_NOT_FOUND"


def test_another_tenants_endpoint_is_not_found(
    endpoint_service: EndpointService, keys: Keys, live: Endpoint
) -> None:
    with pytest.raises(NotFound):
        endpoint_service.get(keys.other_tenant, "chat-ep")


def test_list_pages_through_endpoints_in_name_order(
    endpoint_service: EndpointService, keys: Keys, make_version: MakeVersion
) -> None:
    make_version()
    for name in ("c-ep", "a-ep", "b-ep"):
        endpoint_service.create(keys.tenant, new(name))
    first = endpoint_service.list_endpoints(keys.tenant, page_size=2)
    second = endpoint_service.list_endpoints(
        keys.tenant, page_size=2, page_token=first.next_page_token
    )
    assert [e.name for e in first.items + second.items] == ["a-ep", "b-ep", "c-ep"]
    assert second.next_page_token is None


def test_list_filters_by_model_name(
    endpoint_service: EndpointService, keys: Keys, make_version: MakeVersion
) -> None:
    make_version("chat")
    make_version("embed")
    endpoint_service.create(keys.tenant, new("a-ep"))
    endpoint_service.create(keys.tenant, new("b-ep", model_name="embed"))
    page = endpoint_service.list_endpoints(keys.tenant, model_name="embed")
    assert [e.name for e in page.items] == ["b-ep"]


def test_list_filters_by_status(
    endpoint_service: EndpointService, keys: Keys, live: Endpoint
) -> None:
    assert [
        e.name for e in endpoint_service.list_endpoints(keys.tenant, status="in_service").items
    ] == ["chat-ep"]
    assert endpoint_service.list_endpoints(keys.tenant, status="creating").items == []


def test_list_shows_no_other_tenants_endpoints(
    endpoint_service: EndpointService, keys: Keys, live: Endpoint
) -> None:
    assert endpoint_service.list_endpoints(keys.other_tenant).items == []


def test_a_bad_page_token_is_invalid_page_token(
    endpoint_service: EndpointService, keys: Keys
) -> None:
    with pytest.raises(BadRequest) as caught:
        endpoint_service.list_endpoints(keys.tenant, page_token="bogus")
    assert caught.value.code == "INVALID_PAGE_TOKEN"


# --- update -------------------------------------------------------------------------------


def test_scaling_changes_counts_in_place_without_a_new_config(
    endpoint_service: EndpointService, keys: Keys, live: Endpoint, container: Container
) -> None:
    before = leftovers(container, keys.tenant)
    updating = endpoint_service.update(
        keys.tenant, "chat-ep", [VariantChange("primary", instance_count=2)]
    )
    assert updating.status == "updating"
    assert updating.variants[0].desired_instance_count == 2
    assert leftovers(container, keys.tenant) == before


def test_weight_changes_in_place(
    endpoint_service: EndpointService, keys: Keys, live: Endpoint
) -> None:
    endpoint_service.update(keys.tenant, "chat-ep", [VariantChange("primary", weight=3.0)])
    done = wait_for(endpoint_service, keys.tenant, "chat-ep", "in_service")
    assert done.variants[0].current_weight == 3.0


def test_instance_type_change_moves_to_a_new_config_and_collects_the_old(
    endpoint_service: EndpointService, keys: Keys, live: Endpoint, container: Container
) -> None:
    before = leftovers(container, keys.tenant)
    endpoint_service.update(
        keys.tenant, "chat-ep", [VariantChange("primary", instance_type="ml.g6e.xlarge")]
    )
    done = wait_for(endpoint_service, keys.tenant, "chat-ep", "in_service")
    assert done.variants[0].instance_type == "ml.g6e.xlarge"
    after = leftovers(container, keys.tenant)
    assert len(after["configs"]) == 1
    assert after["configs"] != before["configs"]
    assert after["models"] == before["models"]  # the unchanged model is reused


def test_model_version_change_deploys_the_new_version_and_collects_the_old_model(
    endpoint_service: EndpointService,
    keys: Keys,
    live: Endpoint,
    make_version: MakeVersion,
    container: Container,
) -> None:
    before = leftovers(container, keys.tenant)
    make_version()
    endpoint_service.update(keys.tenant, "chat-ep", [VariantChange("primary", model_version=2)])
    done = wait_for(endpoint_service, keys.tenant, "chat-ep", "in_service")
    assert done.variants[0].model_version == 2
    after = leftovers(container, keys.tenant)
    assert len(after["models"]) == 1
    assert after["models"] != before["models"]


def test_canary_deployment_is_accepted_for_a_blue_green_change(
    endpoint_service: EndpointService, keys: Keys, live: Endpoint
) -> None:
    updating = endpoint_service.update(
        keys.tenant,
        "chat-ep",
        [VariantChange("primary", instance_type="ml.g6e.xlarge")],
        Deployment("canary", traffic_percent=20, wait_seconds=60),
    )
    assert updating.status == "updating"


def test_a_deployment_strategy_for_a_scale_only_change_is_rejected(
    endpoint_service: EndpointService, keys: Keys, live: Endpoint
) -> None:
    with pytest.raises(Unprocessable) as caught:
        endpoint_service.update(
            keys.tenant, "chat-ep", [VariantChange("primary", instance_count=2)], Deployment()
        )
    assert caught.value.code == "DEPLOYMENT_NOT_APPLICABLE"


def test_updating_an_endpoint_that_is_not_in_service_is_endpoint_not_ready(
    endpoint_service: EndpointService,
    keys: Keys,
    make_version: MakeVersion,
    transitions: Transitions,
) -> None:
    make_version()
    transitions.hold()
    endpoint_service.create(keys.tenant, new())
    with pytest.raises(Conflict) as caught:
        endpoint_service.update(keys.tenant, "chat-ep", [VariantChange("primary", weight=2.0)])
    assert caught.value.code == "ENDPOINT_NOT_READY"
    assert "creating" in caught.value.detail


def test_an_unknown_variant_is_unknown_variant(
    endpoint_service: EndpointService, keys: Keys, live: Endpoint
) -> None:
    with pytest.raises(Unprocessable) as caught:
        endpoint_service.update(keys.tenant, "chat-ep", [VariantChange("other", weight=2.0)])
    assert caught.value.code == "UNKNOWN_VARIANT"


def test_a_change_that_changes_nothing_is_rejected(
    endpoint_service: EndpointService, keys: Keys, live: Endpoint
) -> None:
    with pytest.raises(Unprocessable) as caught:
        endpoint_service.update(keys.tenant, "chat-ep", [VariantChange("primary")])
    assert caught.value.code == "INVALID_ENDPOINT_UPDATE"


def test_updating_to_a_missing_version_is_version_not_found(
    endpoint_service: EndpointService, keys: Keys, live: Endpoint, container: Container
) -> None:
    before = leftovers(container, keys.tenant)
    with pytest.raises(NotFound) as caught:
        endpoint_service.update(keys.tenant, "chat-ep", [VariantChange("primary", model_version=9)])
    assert caught.value.code == "VERSION_NOT_FOUND"
    assert leftovers(container, keys.tenant) == before


def test_variants_of_a_creating_endpoint_are_creating(
    endpoint_service: EndpointService,
    keys: Keys,
    make_version: MakeVersion,
    transitions: Transitions,
) -> None:
    """DescribeEndpoint lists a variant without VariantStatus while the endpoint is
    Creating; the variant is not in service before its endpoint is."""
    make_version()
    transitions.hold()
    endpoint_service.create(keys.tenant, new())
    endpoint = endpoint_service.get(keys.tenant, "chat-ep")
    assert (endpoint.status, endpoint.variants[0].status) == ("creating", "creating")


# --- delete -------------------------------------------------------------------------------


def test_delete_answers_deleting_and_leaves_nothing(
    endpoint_service: EndpointService, keys: Keys, live: Endpoint, container: Container
) -> None:
    assert endpoint_service.delete(keys.tenant, "chat-ep").status == "deleting"
    wait_gone(endpoint_service, keys.tenant, "chat-ep")
    assert leftovers(container, keys.tenant) == {"endpoints": [], "configs": [], "models": []}


def test_variants_of_a_deleting_endpoint_are_deleting(
    endpoint_service: EndpointService, keys: Keys, live: Endpoint, transitions: Transitions
) -> None:
    transitions.hold()
    endpoint_service.delete(keys.tenant, "chat-ep")
    endpoint = endpoint_service.get(keys.tenant, "chat-ep")
    assert (endpoint.status, endpoint.variants[0].status) == ("deleting", "deleting")


def test_delete_while_creating_is_not_ready_and_says_when_to_retry(
    endpoint_service: EndpointService,
    keys: Keys,
    make_version: MakeVersion,
    transitions: Transitions,
) -> None:
    """SageMaker refuses DeleteEndpoint while an endpoint is Creating or Updating
    ("Cannot update in-progress endpoint"); the client is told to wait and retry."""
    make_version()
    transitions.hold()
    endpoint_service.create(keys.tenant, new())
    with pytest.raises(Conflict) as caught:
        endpoint_service.delete(keys.tenant, "chat-ep")
    assert caught.value.code == "ENDPOINT_NOT_READY"
    assert caught.value.headers["Retry-After"]


def test_delete_of_a_missing_endpoint_is_endpoint_not_found(
    endpoint_service: EndpointService, keys: Keys
) -> None:
    with pytest.raises(NotFound) as caught:
        endpoint_service.delete(keys.tenant, "nothing")
    assert caught.value.code == "ENDPOINT_NOT_FOUND"


def test_a_repeated_delete_is_accepted_while_deleting(
    endpoint_service: EndpointService, keys: Keys, live: Endpoint
) -> None:
    endpoint_service.delete(keys.tenant, "chat-ep")
    try:
        again = endpoint_service.delete(keys.tenant, "chat-ep")
    except NotFound:
        return  # it finished deleting in between; also fine
    assert again.status == "deleting"


# --- failures and deployments -------------------------------------------------------------


def test_an_injected_failure_ends_failed_with_the_reason(
    endpoint_service: EndpointService, keys: Keys, make_version: MakeVersion
) -> None:
    make_version(environment={"MLM_EMULATOR_FAILURE_REASON": "CUDA out of memory"})
    endpoint_service.create(keys.tenant, new())
    failed = wait_for(endpoint_service, keys.tenant, "chat-ep", "failed")
    assert failed.failure_reason == "CUDA out of memory"


def test_a_failed_update_rolls_back_and_collects_its_config(
    endpoint_service: EndpointService,
    keys: Keys,
    live: Endpoint,
    make_version: MakeVersion,
    container: Container,
) -> None:
    before = leftovers(container, keys.tenant)
    make_version(environment={"MLM_EMULATOR_FAILURE_REASON": "health check failed"})
    endpoint_service.update(keys.tenant, "chat-ep", [VariantChange("primary", model_version=2)])
    seen = poll(
        lambda: endpoint_service.get(keys.tenant, "chat-ep"),
        lambda e: e.failure_reason is not None,
        "the failed update to roll back",
    )
    assert (seen.status, seen.failure_reason) == ("in_service", "health check failed")
    assert seen.variants[0].model_version == 1
    assert leftovers(container, keys.tenant) == before


def test_reads_keep_a_config_made_after_the_endpoints_last_change(
    endpoint_service: EndpointService,
    keys: Keys,
    live: Endpoint,
    hosting: SageMakerHosting,
    container: Container,
) -> None:
    """A concurrent update's new config (not yet passed to UpdateEndpoint) survives a read."""
    (current,) = leftovers(container, keys.tenant)["configs"]
    config = hosting.describe_config(current)
    assert config is not None
    variants = [
        NewVariant(v.name, v.model_name, "ml.g6e.xlarge", v.instance_count, v.weight)
        for v in config.variants
    ]
    in_flight = f"mlm-{keys.tenant}-chat-ep--c-00000000"
    hosting.ensure_config(in_flight, variants, False, {})
    endpoint_service.get(keys.tenant, "chat-ep")
    assert in_flight in leftovers(container, keys.tenant)["configs"]
