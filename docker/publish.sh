#!/usr/bin/env bash
# The release build of the panel: the same command builds the container image and runs in CI.
# ReadyToRun (precompiled) because it serves the first page in about 0.6x the time of a plain publish for the
# same memory (benchmarks/results/footprint.md). Framework-dependent: the host or image provides the runtime.
# Usage: docker/publish.sh OUTPUT_DIRECTORY
set -euo pipefail
cd "$(dirname "$0")/.."
output="${1:?usage: docker/publish.sh OUTPUT_DIRECTORY}"
case "$(uname -m)" in
  aarch64|arm64) rid=linux-arm64 ;;
  *) rid=linux-x64 ;;
esac
dotnet publish src/KnockAdmin.Web/KnockAdmin.Web.csproj -c Release -o "$output" \
  -r "$rid" --self-contained false -p:PublishReadyToRun=true -p:UseAppHost=true
