//! Links the `khulasa` binary as a position-dependent executable on
//! Linux (`-no-pie`); the library, tests, benches and examples are untouched.
//!
//! Why: a position-independent executable is relocated by the dynamic loader
//! at every start. khulasa's holds ~12,000 relative relocations (mostly
//! pointers in `core::panic::Location` records and vtables of its
//! dependencies), and applying them writes to every page of `.data.rel.ro`,
//! a copy-on-write fault per page. Linked without PIE, the same binary has
//! ~120 relocations, ~60 fewer page faults per run, and starts 0.5–0.8 ms
//! faster (`khulasa --version` 2.3–2.6 against 2.4–3.3 ms of CPU; a
//! `summarize` of the 77 EASC dev articles, whose whole run is ~14 ms, moves
//! by the same amount; README, "Measured figures"). The price is that the
//! binary's own code and data are not placed at a random address (shared
//! libraries, heap and stack still are). Set `KHULASA_PIE=1` when building
//! to keep the default position-independent executable.

use std::env;

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-env-changed=KHULASA_PIE");
    let os = env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    let env_ = env::var("CARGO_CFG_TARGET_ENV").unwrap_or_default();
    let keep_pie = env::var_os("KHULASA_PIE").is_some_and(|v| !v.is_empty() && v != "0");
    // glibc targets link through the C compiler driver (gcc or clang), which
    // both take `-no-pie`; musl targets are static already.
    if os == "linux" && env_ == "gnu" && !keep_pie {
        println!("cargo:rustc-link-arg-bins=-no-pie");
    }
}
