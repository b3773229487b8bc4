//! Replays the fuzz corpus that is committed: every seed in `fuzz/seeds/<target>/`
//! and every minimised crash in `fuzz/regressions/<target>/`, through the same
//! code the libFuzzer targets run (`fuzz/src/checks.rs`, included below). Each
//! input must not panic and must keep the target's invariants. See docs/FUZZING.md.

#[path = "../fuzz/src/checks.rs"]
mod checks;

use std::fs;
use std::path::{Path, PathBuf};

fn inputs(folder: &str) -> Vec<(String, PathBuf)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz")
        .join(folder);
    let mut found = Vec::new();
    let Ok(targets) = fs::read_dir(&root) else {
        return found;
    };
    for target in targets {
        let target = target.unwrap().path();
        if !target.is_dir() {
            continue;
        }
        let name = target.file_name().unwrap().to_string_lossy().into_owned();
        let mut files: Vec<PathBuf> = fs::read_dir(&target)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.is_file())
            .collect();
        files.sort();
        found.extend(files.into_iter().map(|f| (name.clone(), f)));
    }
    found
}

/// Runs each input under `catch_unwind` so that one failure names every failing file.
fn replay(inputs: &[(String, PathBuf)]) -> Vec<String> {
    let mut failures = Vec::new();
    for (target, path) in inputs {
        let data = fs::read(path).unwrap();
        let result = std::panic::catch_unwind(|| checks::run(target, &data));
        match result {
            Ok(true) => {}
            Ok(false) => {
                failures.push(format!("{}: no fuzz target named {target}", path.display()))
            }
            Err(panic) => {
                let message = panic
                    .downcast_ref::<String>()
                    .cloned()
                    .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
                    .unwrap_or_default();
                failures.push(format!("{}: {message}", path.display()));
            }
        }
    }
    failures
}

#[test]
fn every_target_has_seeds_and_every_seed_keeps_the_invariants() {
    let seeds = inputs("seeds");
    for (target, _) in checks::TARGETS {
        assert!(
            seeds.iter().filter(|(t, _)| t == target).count() >= 3,
            "fuzz/seeds/{target}/ should hold a handful of seeds"
        );
    }
    let failures = replay(&seeds);
    assert!(
        failures.is_empty(),
        "seeds failing:\n{}",
        failures.join("\n")
    );
}

/// Findings saved in `fuzz/regressions/` whose fix in `src/` is not applied yet,
/// as `<target>/<file>`. They run in `pending_fuzz_findings` (ignored) until the
/// fix lands; then remove the name here so the regression guards the fix.
const PENDING: &[&str] = &[];

fn is_pending((target, path): &(String, PathBuf)) -> bool {
    let name = format!("{target}/{}", path.file_name().unwrap().to_string_lossy());
    PENDING.contains(&name.as_str())
}

#[test]
fn saved_fuzz_findings_no_longer_fail() {
    let saved: Vec<_> = inputs("regressions")
        .into_iter()
        .filter(|i| !is_pending(i))
        .collect();
    let failures = replay(&saved);
    assert!(
        failures.is_empty(),
        "regressions failing:\n{}",
        failures.join("\n")
    );
}

#[test]
#[ignore = "fuzz findings whose fix is pending in src/: see PENDING and docs/FUZZING.md"]
fn pending_fuzz_findings() {
    let pending: Vec<_> = inputs("regressions")
        .into_iter()
        .filter(is_pending)
        .collect();
    assert_eq!(
        pending.len(),
        PENDING.len(),
        "a PENDING entry names no file"
    );
    let failures = replay(&pending);
    assert!(
        failures.is_empty(),
        "pending findings failing:\n{}",
        failures.join("\n")
    );
}
