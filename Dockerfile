# syntax=docker/dockerfile:1
# The Discord bot: `docker build -t vyzov-bot .` then
# `docker run --env-file .env -v "$PWD/knowledge:/app/knowledge:ro" vyzov-bot` (see README).
ARG PYTHON_VERSION=3.11

# ---- build: the package and its dependencies in /venv; no source tree is kept -------------
FROM python:${PYTHON_VERSION}-slim AS build
ENV PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_CACHE_DIR=1 PYTHONDONTWRITEBYTECODE=1
RUN python -m venv /venv
WORKDIR /src
# Dependencies first, from pyproject.toml alone (an empty package stands in for bot/), so this
# layer is reused until the dependencies change.
COPY pyproject.toml README.md ./
RUN mkdir bot && touch bot/__init__.py && /venv/bin/pip install . && rm -rf bot build
# Then the package itself, non-editable, so /venv is self-contained.
COPY bot ./bot
RUN /venv/bin/pip install --no-deps --force-reinstall . && /venv/bin/python -m compileall -q /venv

# ---- runtime: no build tools, no source, no root --------------------------------------------
FROM python:${PYTHON_VERSION}-slim
RUN groupadd --system --gid 10001 vyzov \
 && useradd --system --uid 10001 --gid vyzov --no-create-home --shell /usr/sbin/nologin vyzov
WORKDIR /app
# Owned by root and only readable by the bot's user: it reads code and knowledge, never writes.
COPY --from=build /venv /venv
COPY knowledge ./knowledge
# The one place the bot writes: misses, votes and the user-id salt (SQLite; a volume keeps them).
RUN mkdir /app/data && chown vyzov:vyzov /app/data
VOLUME ["/app/data"]
ENV PATH="/venv/bin:$PATH" PYTHONUNBUFFERED=1 PYTHONDONTWRITEBYTECODE=1
USER vyzov
# Healthy = the settings (token included) and the knowledge base on disk are valid and the
# store answers; with a bind-mounted knowledge/, "unhealthy" means an edit is broken and
# /kb reload would refuse it. `check` exits 0 or 1, as Docker expects (2 is reserved).
HEALTHCHECK --interval=60s --timeout=30s --start-period=20s --retries=3 \
    CMD ["python", "-m", "bot", "check"]
ENTRYPOINT ["python", "-m", "bot"]
CMD ["run"]
