//! The schema of the contexts describes what the render loop really hands tera.

use super::context_schema;
use super::pages::{Rendered, PAGE_TEMPLATES};
use super::views::Views;
use crate::pipeline::{load_dossier, Options};
use crate::theme::Theme;
use serde_json::{json, Value};
use std::path::PathBuf;

#[test]
fn every_page_of_the_default_dossier_fits_the_schema_of_its_template() {
    let options = Options {
        content: PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("content"),
        ..Options::default()
    };
    let dossier = load_dossier(&options).expect("the default dossier loads");
    let analysis = crate::analyse::analyse(&dossier).unwrap();
    let theme = Theme::load(None).expect("the default theme loads");
    let schema: Value = serde_json::from_str(&context_schema()).unwrap();
    let views = Views::new(&dossier, &analysis).expect("the views are built");
    let mut checked = std::collections::BTreeSet::new();
    for job in views.page_jobs(&theme) {
        let (path, title, context) = job.make();
        let template = context.template();
        let page = Rendered::new(&dossier.config, &path, &title, &context);
        let instance = serde_json::to_value(&page).unwrap();
        let of_template = json!({
            "$schema": schema["$schema"],
            "$defs": schema["$defs"],
            "allOf": schema["properties"][template]["allOf"],
        });
        let validator = jsonschema::validator_for(&of_template).expect("a valid schema");
        let errors: Vec<String> = validator
            .iter_errors(&instance)
            .take(5)
            .map(|e| format!("{e} at {}", e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "{path} ({template}): {errors:#?}");
        checked.insert(template);
    }
    assert_eq!(checked.len(), PAGE_TEMPLATES.len());
}
