"""SageMaker's "SageMaker Endpoint State Change" events as EventBridge delivers them: the
names that the emulator sends, the stack's rule matches and the fleet index reads."""

from __future__ import annotations

SOURCE = "aws.sagemaker"
DETAIL_TYPE = "SageMaker Endpoint State Change"
EVENT_PATTERN = {"source": [SOURCE], "detail-type": [DETAIL_TYPE]}
