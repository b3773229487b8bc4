//! docs/theme-context.schema.json says what each template receives; it is
//! generated from the context types of src/render and must be the one the code
//! generates.

use std::fs;
use std::path::PathBuf;

const SCHEMA: &str = "docs/theme-context.schema.json";

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn the_context_schema_in_docs_is_the_one_the_code_generates() {
    let generated = dossier::render::context_schema();
    let path = repo().join(SCHEMA);
    if std::env::var_os("DOSSIER_WRITE_SCHEMA").is_some() {
        fs::write(&path, &generated).unwrap();
    }
    let committed = fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "{SCHEMA} is out of date: run `DOSSIER_WRITE_SCHEMA=1 cargo test --test themes`"
    );
}
