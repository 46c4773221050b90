#!/usr/bin/env bash
# Rebuilds built/ (the committed binary): the SDK exactly as git tag sdk-1.0.0-baseline has it, then this plugin
# against that SDK. Run it only to re-create the fixture; the point of the fixture is that it is NOT rebuilt with
# every SDK change. Usage: tests/Fixtures/OldSdkPlugin/build.sh
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(git -C "$here" rev-parse --show-toplevel)"
work="$(mktemp -d)"
trap 'git -C "$repo" worktree remove --force "$work/baseline" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
git -C "$repo" worktree add --detach "$work/baseline" sdk-1.0.0-baseline >/dev/null
dotnet build "$work/baseline/core/MarketingOps.Sdk/MarketingOps.Sdk.csproj" -c Release -o "$work/sdk" -v q -nologo
mkdir "$work/plugin" && cp "$here/OldSdkPlugin.cs" "$here/OldSdk.Fixture.csproj" "$work/plugin/"
dotnet build "$work/plugin/OldSdk.Fixture.csproj" -c Release -o "$work/out" -p:BaselineSdk="$work/sdk/MarketingOps.Sdk.dll" -v q -nologo
rm -rf "$here/built" && mkdir -p "$here/built"
cp "$work/out/OldSdk.Fixture.dll" "$here/plugin.json" "$here/built/"
echo "built $(sha256sum "$here/built/OldSdk.Fixture.dll" | cut -c1-16) against SDK $(strings -el "$work/sdk/MarketingOps.Sdk.dll" | grep -m1 -x '1\.0\.0[.0-9]*' || echo 1.0.0)"
