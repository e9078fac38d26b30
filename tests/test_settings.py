"""Settings validation: what is refused at startup, before anything is submitted."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from mlm.settings import FARGATE_MEMORY_MIB, Settings


def test_the_default_packaging_resources_are_a_fargate_size() -> None:
    settings = Settings()
    assert settings.packaging_memory_mib in FARGATE_MEMORY_MIB[settings.packaging_vcpus]


def test_a_vcpu_count_fargate_does_not_offer_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MLM_PACKAGING_VCPUS", "3")
    with pytest.raises(ValidationError, match="MLM_PACKAGING_VCPUS=3 is not a Fargate size"):
        Settings()


def test_memory_outside_the_range_of_the_vcpus_is_refused(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("MLM_PACKAGING_VCPUS", "4")
    monkeypatch.setenv("MLM_PACKAGING_MEMORY_MIB", "32768")
    with pytest.raises(ValidationError, match="8192 to 30720 MiB in steps of 1024"):
        Settings()


def test_memory_between_fargate_steps_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MLM_PACKAGING_VCPUS", "8")
    monkeypatch.setenv("MLM_PACKAGING_MEMORY_MIB", "18432")
    with pytest.raises(ValidationError, match="steps of 4096"):
        Settings()


def test_a_larger_fargate_size_is_accepted(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MLM_PACKAGING_VCPUS", "16")
    monkeypatch.setenv("MLM_PACKAGING_MEMORY_MIB", "122880")
    assert Settings().packaging_memory_mib == 122880
