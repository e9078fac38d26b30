# syntax=docker/dockerfile:1
# Images for packaging jobs on real AWS (deploy/packaging.yaml). Build from the repository
# root; deploy/packager.Dockerfile.dockerignore keeps the context to what the wheel needs:
#   docker build -f deploy/packager.Dockerfile --target packager -t <repo>:packager .
#   docker build -f deploy/packager.Dockerfile --target registration -t <repo>:registration .
# No secrets go into either image: AWS credentials come from the job's or the function's
# role, the Hugging Face token from Secrets Manager at run time.

# --- wheel: the mlm package, built once for both targets ---------------------------------
FROM python:3.11-slim-bookworm AS wheel
WORKDIR /src
COPY pyproject.toml README.md ./
COPY spec/openapi.yaml spec/openapi.yaml
COPY server server
RUN pip wheel --no-cache-dir --no-deps --wheel-dir /wheels .

# --- packager: the Batch job's container; Batch gives the whole command line ---------------
FROM python:3.11-slim-bookworm AS packager
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    HF_HUB_DISABLE_TELEMETRY=1 \
    MLM_MODE=aws
RUN --mount=type=bind,from=wheel,source=/wheels,target=/wheels \
    pip install --no-cache-dir "$(ls /wheels/mlm-*.whl)[packager]" \
    && useradd --create-home --uid 10001 --user-group --shell /usr/sbin/nologin mlm
# Downloads go to a temporary directory on the task's ephemeral storage (the job
# definition's EphemeralStorage), which the unprivileged user can write.
USER 10001:10001
WORKDIR /home/mlm
# No ENTRYPOINT: SubmitJob overrides the command with the full `mlm package …` line.
CMD ["mlm", "package", "--help"]

# --- registration: the Lambda for EventBridge "Batch Job State Change" events -------------
FROM public.ecr.aws/lambda/python:3.11 AS registration
# Installed inside the Lambda base image so pip picks wheels for its glibc.
RUN --mount=type=bind,from=wheel,source=/wheels,target=/wheels \
    pip install --no-cache-dir --target "${LAMBDA_TASK_ROOT}" "$(ls /wheels/mlm-*.whl)"
CMD ["mlm.lambdas.packaging_job_events.lambda_handler"]
