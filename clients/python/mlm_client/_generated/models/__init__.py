""" Contains all the data models used in inputs/outputs """

from .aggregate import Aggregate
from .alarm_kind import AlarmKind
from .alarm_setting import AlarmSetting
from .alarm_subscription import AlarmSubscription
from .alarm_subscription_create import AlarmSubscriptionCreate
from .alarm_subscription_create_protocol import AlarmSubscriptionCreateProtocol
from .api_key import ApiKey
from .api_key_create import ApiKeyCreate
from .api_key_page import ApiKeyPage
from .api_key_secret import ApiKeySecret
from .api_key_source import ApiKeySource
from .api_key_status import ApiKeyStatus
from .api_key_update import ApiKeyUpdate
from .approval_status import ApprovalStatus
from .audit_event import AuditEvent
from .audit_event_auth import AuditEventAuth
from .audit_event_page import AuditEventPage
from .auto_rollback import AutoRollback
from .autoscaling_schedule import AutoscalingSchedule
from .backend import Backend
from .backend_mode import BackendMode
from .batch_size import BatchSize
from .batch_size_unit import BatchSizeUnit
from .captured_data import CapturedData
from .captured_data_encoding import CapturedDataEncoding
from .captured_invocation import CapturedInvocation
from .captured_invocation_page import CapturedInvocationPage
from .container import Container
from .container_environment import ContainerEnvironment
from .data_capture import DataCapture
from .data_capture_capture_item import DataCaptureCaptureItem
from .data_capture_state import DataCaptureState
from .deployed_batch_size import DeployedBatchSize
from .deployed_batch_size_unit import DeployedBatchSizeUnit
from .deployment import Deployment
from .deployment_strategy import DeploymentStrategy
from .endpoint import Endpoint
from .endpoint_alarm import EndpointAlarm
from .endpoint_alarm_state import EndpointAlarmState
from .endpoint_alarms import EndpointAlarms
from .endpoint_alarms_update import EndpointAlarmsUpdate
from .endpoint_autoscaling import EndpointAutoscaling
from .endpoint_autoscaling_update import EndpointAutoscalingUpdate
from .endpoint_create import EndpointCreate
from .endpoint_instances import EndpointInstances
from .endpoint_metrics import EndpointMetrics
from .endpoint_observability import EndpointObservability
from .endpoint_page import EndpointPage
from .endpoint_status import EndpointStatus
from .endpoint_tags import EndpointTags
from .endpoint_update import EndpointUpdate
from .field_error import FieldError
from .figure import Figure
from .figure_explanations import FigureExplanations
from .health import Health
from .health_status import HealthStatus
from .hugging_face_packaging_source import HuggingFacePackagingSource
from .hugging_face_packaging_source_platform import HuggingFacePackagingSourcePlatform
from .instance_figures import InstanceFigures
from .instance_type import InstanceType
from .instance_type_page import InstanceTypePage
from .key_limits import KeyLimits
from .key_limits_input import KeyLimitsInput
from .last_deployment import LastDeployment
from .last_deployment_strategy import LastDeploymentStrategy
from .list_endpoints_view import ListEndpointsView
from .log_line import LogLine
from .log_line_page import LogLinePage
from .metadata import Metadata
from .metadata_patch import MetadataPatch
from .metric_name import MetricName
from .metric_point import MetricPoint
from .metric_series import MetricSeries
from .metric_series_unit import MetricSeriesUnit
from .metric_statistic import MetricStatistic
from .model import Model
from .model_create import ModelCreate
from .model_error_problem import ModelErrorProblem
from .model_metadata import ModelMetadata
from .model_page import ModelPage
from .model_tags import ModelTags
from .model_update import ModelUpdate
from .model_version import ModelVersion
from .model_version_artifact_type_0 import ModelVersionArtifactType0
from .model_version_artifact_type_0_format import ModelVersionArtifactType0Format
from .model_version_create import ModelVersionCreate
from .model_version_metadata import ModelVersionMetadata
from .model_version_page import ModelVersionPage
from .model_version_requirements_type_0 import ModelVersionRequirementsType0
from .model_version_source_type_0 import ModelVersionSourceType0
from .model_version_source_type_0_platform import ModelVersionSourceType0Platform
from .model_version_status import ModelVersionStatus
from .model_version_update import ModelVersionUpdate
from .packaging_job import PackagingJob
from .packaging_job_create import PackagingJobCreate
from .packaging_job_options import PackagingJobOptions
from .packaging_job_page import PackagingJobPage
from .packaging_job_source import PackagingJobSource
from .packaging_job_status import PackagingJobStatus
from .packaging_job_target import PackagingJobTarget
from .packaging_options import PackagingOptions
from .packaging_output import PackagingOutput
from .packaging_output_environment_type_0 import PackagingOutputEnvironmentType0
from .packaging_progress import PackagingProgress
from .packaging_target import PackagingTarget
from .packaging_target_format import PackagingTargetFormat
from .problem import Problem
from .requirements import Requirements
from .role import Role
from .s3_packaging_source import S3PackagingSource
from .s3_packaging_source_platform import S3PackagingSourcePlatform
from .s3_prefix_artifact import S3PrefixArtifact
from .s3_prefix_artifact_format import S3PrefixArtifactFormat
from .scaling_activity import ScalingActivity
from .scaling_activity_status import ScalingActivityStatus
from .source import Source
from .source_platform import SourcePlatform
from .tags import Tags
from .tags_patch import TagsPatch
from .tar_gz_artifact import TarGzArtifact
from .tar_gz_artifact_format import TarGzArtifactFormat
from .variant import Variant
from .variant_aggregates import VariantAggregates
from .variant_autoscaling import VariantAutoscaling
from .variant_autoscaling_input import VariantAutoscalingInput
from .variant_autoscaling_input_metric import VariantAutoscalingInputMetric
from .variant_autoscaling_metric import VariantAutoscalingMetric
from .variant_autoscaling_state import VariantAutoscalingState
from .variant_create import VariantCreate
from .variant_instances import VariantInstances
from .variant_instances_scope import VariantInstancesScope
from .variant_observability import VariantObservability
from .variant_status import VariantStatus
from .variant_update import VariantUpdate

__all__ = (
    "Aggregate",
    "AlarmKind",
    "AlarmSetting",
    "AlarmSubscription",
    "AlarmSubscriptionCreate",
    "AlarmSubscriptionCreateProtocol",
    "ApiKey",
    "ApiKeyCreate",
    "ApiKeyPage",
    "ApiKeySecret",
    "ApiKeySource",
    "ApiKeyStatus",
    "ApiKeyUpdate",
    "ApprovalStatus",
    "AuditEvent",
    "AuditEventAuth",
    "AuditEventPage",
    "AutoRollback",
    "AutoscalingSchedule",
    "Backend",
    "BackendMode",
    "BatchSize",
    "BatchSizeUnit",
    "CapturedData",
    "CapturedDataEncoding",
    "CapturedInvocation",
    "CapturedInvocationPage",
    "Container",
    "ContainerEnvironment",
    "DataCapture",
    "DataCaptureCaptureItem",
    "DataCaptureState",
    "DeployedBatchSize",
    "DeployedBatchSizeUnit",
    "Deployment",
    "DeploymentStrategy",
    "Endpoint",
    "EndpointAlarm",
    "EndpointAlarms",
    "EndpointAlarmState",
    "EndpointAlarmsUpdate",
    "EndpointAutoscaling",
    "EndpointAutoscalingUpdate",
    "EndpointCreate",
    "EndpointInstances",
    "EndpointMetrics",
    "EndpointObservability",
    "EndpointPage",
    "EndpointStatus",
    "EndpointTags",
    "EndpointUpdate",
    "FieldError",
    "Figure",
    "FigureExplanations",
    "Health",
    "HealthStatus",
    "HuggingFacePackagingSource",
    "HuggingFacePackagingSourcePlatform",
    "InstanceFigures",
    "InstanceType",
    "InstanceTypePage",
    "KeyLimits",
    "KeyLimitsInput",
    "LastDeployment",
    "LastDeploymentStrategy",
    "ListEndpointsView",
    "LogLine",
    "LogLinePage",
    "Metadata",
    "MetadataPatch",
    "MetricName",
    "MetricPoint",
    "MetricSeries",
    "MetricSeriesUnit",
    "MetricStatistic",
    "Model",
    "ModelCreate",
    "ModelErrorProblem",
    "ModelMetadata",
    "ModelPage",
    "ModelTags",
    "ModelUpdate",
    "ModelVersion",
    "ModelVersionArtifactType0",
    "ModelVersionArtifactType0Format",
    "ModelVersionCreate",
    "ModelVersionMetadata",
    "ModelVersionPage",
    "ModelVersionRequirementsType0",
    "ModelVersionSourceType0",
    "ModelVersionSourceType0Platform",
    "ModelVersionStatus",
    "ModelVersionUpdate",
    "PackagingJob",
    "PackagingJobCreate",
    "PackagingJobOptions",
    "PackagingJobPage",
    "PackagingJobSource",
    "PackagingJobStatus",
    "PackagingJobTarget",
    "PackagingOptions",
    "PackagingOutput",
    "PackagingOutputEnvironmentType0",
    "PackagingProgress",
    "PackagingTarget",
    "PackagingTargetFormat",
    "Problem",
    "Requirements",
    "Role",
    "S3PackagingSource",
    "S3PackagingSourcePlatform",
    "S3PrefixArtifact",
    "S3PrefixArtifactFormat",
    "ScalingActivity",
    "ScalingActivityStatus",
    "Source",
    "SourcePlatform",
    "Tags",
    "TagsPatch",
    "TarGzArtifact",
    "TarGzArtifactFormat",
    "Variant",
    "VariantAggregates",
    "VariantAutoscaling",
    "VariantAutoscalingInput",
    "VariantAutoscalingInputMetric",
    "VariantAutoscalingMetric",
    "VariantAutoscalingState",
    "VariantCreate",
    "VariantInstances",
    "VariantInstancesScope",
    "VariantObservability",
    "VariantStatus",
    "VariantUpdate",
)
