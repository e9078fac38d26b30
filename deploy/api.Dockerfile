# syntax=docker/dockerfile:1
# Images of the MLM API (deploy/mlm.yaml). Build from the repository root; the build context
# is limited by deploy/api.Dockerfile.dockerignore:
#   docker build -f deploy/api.Dockerfile --target api -t <repo>:api .      # uvicorn: ECS, Kubernetes
#   docker build -f deploy/api.Dockerfile --target lambda -t <repo>:lambda . # API, janitor, registration
# No secrets go into either image: AWS credentials come from the task's or the function's
# role, keys and the page-token secret from the environment the stack sets.

# --- wheel: the mlm package, built once for both targets ---------------------------------
FROM python:3.11-slim-bookworm AS wheel
WORKDIR /src
COPY pyproject.toml README.md ./
COPY spec/openapi.yaml spec/openapi.yaml
COPY server server
RUN pip wheel --no-cache-dir --no-deps --wheel-dir /wheels .

# --- api: `mlm serve --aws` (uvicorn) as an unprivileged user, health-checked ---------------
FROM python:3.11-slim-bookworm AS api
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    MLM_MODE=aws \
    MLM_HOST=0.0.0.0 \
    MLM_PORT=8080 \
    MLM_LOG_FORMAT=json
# Only the main dependencies: no emulator (moto), no packager (huggingface_hub).
RUN --mount=type=bind,from=wheel,source=/wheels,target=/wheels \
    pip install --no-cache-dir "$(ls /wheels/mlm-*.whl)" \
    && useradd --create-home --uid 10001 --user-group --shell /usr/sbin/nologin mlm
USER 10001:10001
WORKDIR /home/mlm
EXPOSE 8080
# /v1/health needs no key; the image has no curl, so Python asks.
HEALTHCHECK --interval=15s --timeout=5s --start-period=20s --retries=3 \
    CMD ["python", "-c", "import sys, urllib.request; sys.exit(urllib.request.urlopen('http://127.0.0.1:8080/v1/health', timeout=4).status != 200)"]
CMD ["mlm", "serve", "--aws"]

# --- lambda: the Lambda image; each function picks its handler (ImageConfig.Command) --------
FROM public.ecr.aws/lambda/python:3.11 AS lambda
# Installed inside the Lambda base image so pip picks wheels for its glibc.
RUN --mount=type=bind,from=wheel,source=/wheels,target=/wheels \
    pip install --no-cache-dir --target "${LAMBDA_TASK_ROOT}" "$(ls /wheels/mlm-*.whl)"
CMD ["mlm.lambdas.api.lambda_handler"]
