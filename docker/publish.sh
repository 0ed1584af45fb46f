#!/usr/bin/env bash
# The release build of the panel: the same command builds the container image and runs in CI.
# Usage: docker/publish.sh OUTPUT_DIRECTORY
set -euo pipefail
cd "$(dirname "$0")/.."
output="${1:?usage: docker/publish.sh OUTPUT_DIRECTORY}"
dotnet publish src/KnockAdmin.Web/KnockAdmin.Web.csproj -c Release -o "$output" -p:UseAppHost=true
