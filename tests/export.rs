//! `dossier.json` holds the built model and validates against the schema in
//! docs/, which must be the one the code generates.

mod common;

use common::*;
use serde_json::Value;
use std::fs;

#[test]
fn the_schema_in_docs_is_the_one_the_code_generates() {
    let committed = fs::read_to_string(repo().join("docs/dossier.schema.json")).unwrap();
    assert!(
        committed == dossier::export::schema(),
        "docs/dossier.schema.json is out of date: run `cargo run -- schema > docs/dossier.schema.json`"
    );
}

#[test]
fn dossier_json_validates_against_its_schema_and_holds_the_model() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("site");
    build(&default_content(), &site)
        .map_err(|e| e.to_string())
        .expect("builds");
    let data: Value =
        serde_json::from_slice(&fs::read(site.join("dossier.json")).unwrap()).unwrap();
    let schema: Value =
        serde_json::from_str(&fs::read_to_string(repo().join("docs/dossier.schema.json")).unwrap())
            .unwrap();
    let validator = jsonschema::validator_for(&schema).expect("the schema is valid JSON Schema");
    let errors: Vec<String> = validator
        .iter_errors(&data)
        .take(10)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");

    // The model is whole: every source with its anchored paragraphs and sentences,
    // every actor and note, and the analysis.
    let sources = data["sources"].as_array().unwrap();
    assert_eq!(
        sources.len(),
        slugs(&default_content().join("sources")).len()
    );
    let paragraph = &sources[0]["paragraphs"][0];
    assert!(paragraph["anchor"].as_str().unwrap().starts_with("p-"));
    assert!(!paragraph["sentences"].as_array().unwrap().is_empty());
    // Every actor file, then the actors found in the text, marked as such.
    let actors = data["actors"].as_array().unwrap();
    let with_file = actors
        .iter()
        .filter(|a| a.get("discovered").is_none())
        .count();
    assert_eq!(with_file, slugs(&default_content().join("actors")).len());
    assert_eq!(
        actors.len() - with_file,
        data["discovery"]["actors"].as_array().unwrap().len()
    );
    assert!(!data["analysis"]["mentions"].as_array().unwrap().is_empty());
    assert!(!data["analysis"]["statements"]
        .as_array()
        .unwrap()
        .is_empty());
    assert!(!data["analysis"]["comparison"]["frames"]
        .as_array()
        .unwrap()
        .is_empty());
    assert!(!data["links"].as_array().unwrap().is_empty());

    // A validator that accepted anything would prove nothing.
    let mut broken = data.clone();
    broken["sources"][0]["paragraphs"][0]["anchor"] = Value::from(42);
    assert!(!validator.is_valid(&broken));
    let mut broken = data;
    broken.as_object_mut().unwrap().remove("analysis");
    assert!(!validator.is_valid(&broken));
}
