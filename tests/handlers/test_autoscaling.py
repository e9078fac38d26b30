"""…/endpoints/{name}/autoscaling over HTTP (response validation on): set, read, remove,
the plain-words answers to what cannot be done, and who may do it."""

from __future__ import annotations

import pytest
from starlette.testclient import TestClient

from tests.conftest import Keys
from tests.polling import poll

IMAGE = "763104351884.dkr.ecr.us-east-1.amazonaws.com/djl-inference:0.29.0-lmi11.0.0-cu124"
SCALING = "/v1/endpoints/chat-ep/autoscaling"
BODY = {"variants": [{"variant": "primary", "min_instances": 1, "max_instances": 4}]}


@pytest.fixture
def live(client: TestClient) -> None:
    assert client.post(
        "/v1/models", json={"name": "chat", "metadata": {"license": "mit"}}
    ).is_success
    assert client.post("/v1/models/chat/versions", json={"container": {"image": IMAGE}}).is_success
    variant = {"model_name": "chat", "model_version": 1, "instance_type": "ml.g5.2xlarge"}
    assert client.post("/v1/endpoints", json={"name": "chat-ep", "variants": [variant]}).is_success
    poll(
        lambda: client.get("/v1/endpoints/chat-ep").json()["status"],
        lambda status: status == "in_service",
        "chat-ep to be in_service",
    )


@pytest.mark.usefixtures("live")
def test_a_put_answers_the_autoscaling_with_the_defaults_filled_in(client: TestClient) -> None:
    response = client.put(SCALING, json=BODY)
    assert response.status_code == 200, response.text
    [variant] = response.json()["variants"]
    assert (variant["metric"], variant["target_value"], variant["state"]) == (
        "invocations_per_instance",
        70.0,
        "active",
    )
    assert client.get(SCALING).json() == response.json()


@pytest.mark.usefixtures("live")
def test_a_delete_answers_204_and_leaves_no_scaling_variant(client: TestClient) -> None:
    assert client.put(SCALING, json=BODY).status_code == 200
    assert client.delete(SCALING).status_code == 204
    assert client.get(SCALING).json()["variants"] == []


@pytest.mark.usefixtures("live")
def test_an_unknown_variant_is_a_422_that_names_it(client: TestClient) -> None:
    body = {"variants": [{"variant": "other", "min_instances": 1, "max_instances": 2}]}
    response = client.put(SCALING, json=body)
    assert response.status_code == 422
    problem = response.json()
    assert problem["code"] == "INVALID_AUTOSCALING"
    assert problem["errors"] == [
        {"field": "variants[0].variant", "message": "the endpoint has no variant 'other'"}
    ]


@pytest.mark.usefixtures("live")
def test_a_maximum_below_the_minimum_is_refused_in_plain_words(client: TestClient) -> None:
    body = {"variants": [{"variant": "primary", "min_instances": 3, "max_instances": 2}]}
    response = client.put(SCALING, json=body)
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "variants[0].max_instances"


def test_the_autoscaling_of_no_endpoint_is_a_404(client: TestClient) -> None:
    assert client.get("/v1/endpoints/nothing/autoscaling").status_code == 404


@pytest.mark.usefixtures("live")
def test_a_viewer_reads_the_autoscaling_but_cannot_set_it(client: TestClient, keys: Keys) -> None:
    viewer = {"X-Api-Key": keys.viewer}
    assert client.get(SCALING, headers=viewer).status_code == 200
    assert client.put(SCALING, json=BODY, headers=viewer).status_code == 403
    assert client.delete(SCALING, headers=viewer).status_code == 403


@pytest.mark.usefixtures("live")
def test_the_endpoint_shows_its_autoscaling_and_the_latest_activity(client: TestClient) -> None:
    body = {"variants": [{"variant": "primary", "min_instances": 2, "max_instances": 4}]}
    assert client.put(SCALING, json=body).status_code == 200
    shown = client.get("/v1/endpoints/chat-ep").json()["autoscaling"]
    assert shown["variants"][0]["min_instances"] == 2
    assert shown["activities"][0]["cause"] == "minimum capacity was set to 2"
