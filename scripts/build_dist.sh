#!/usr/bin/env bash
# The distribution build of khulasa on Linux/glibc: one statically linked, position-dependent
# executable (no dynamic loader, no shared libraries to map, no relocations at start).
#   scripts/build_dist.sh [extra cargo build flags]
# Prints the path of the binary: target/<host triple>/release/khulasa.
# Why a separate build: `-C target-feature=+crt-static` must reach rustc through RUSTFLAGS, and
# without `--target` cargo also applies RUSTFLAGS to proc-macro crates, which cannot be built
# static ("cannot produce proc-macro ... as the target does not support these crate types").
# With `--target` the flags apply to the target's crates only. `cargo build --release` stays the
# everyday build (dynamically linked, `-no-pie` from build.rs). Figures: README, "Measured figures".
set -euo pipefail
cd "$(dirname "$0")/.."
host="$(rustc -vV | sed -n 's/^host: //p')"
case "$host" in
  *-linux-gnu) ;;
  *) echo "build_dist.sh: static glibc build only for *-linux-gnu hosts (this is $host); use cargo build --release" >&2; exit 1 ;;
esac
RUSTFLAGS="-C target-feature=+crt-static -C relocation-model=static ${RUSTFLAGS:-}" \
  cargo build --release --target "$host" "$@" >&2
echo "target/$host/release/khulasa"
