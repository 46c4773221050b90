#!/usr/bin/env bash
# Regenerates the third-party client the API tests use, with Kiota (a dotnet tool from NuGet, pinned in
# .config/dotnet-tools.json), from the snapshot of /openapi/v1.json beside this script. When the API changes,
# ClientTests fails until the snapshot is refreshed (it prints how) and this script is run again.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cd "$here/../../../.."
dotnet tool restore
rm -rf "$here/Generated"
dotnet kiota generate -l CSharp -d "$here/openapi.v1.json" -o "$here/Generated" -c MopsApiClient \
  -n MarketingOps.Host.Tests.Web.Client.Generated --exclude-backward-compatible --clean-output
