//! The comparison's lexicons: general ones built in (`framing.toml` beside this
//! file), with a dossier's own `content/framing.toml` laid over them, so a new
//! dossier compares frames, loaded language and facts without copying anything.

use crate::model::Framing;
use std::sync::OnceLock;

pub const BUILTIN_FRAMING: &str = include_str!("framing.toml");

/// The built-in lexicons, parsed once.
pub fn builtin() -> &'static Framing {
    static BUILTIN: OnceLock<Framing> = OnceLock::new();
    BUILTIN.get_or_init(|| {
        toml::from_str(BUILTIN_FRAMING).expect("the built-in framing lexicon is valid (tested)")
    })
}

/// The lexicons a dossier is compared with: the built-in ones and its own.
pub fn effective(own: Option<&Framing>) -> Framing {
    own.cloned()
        .unwrap_or_default()
        .laid_over(builtin().clone())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{CueGroup, FrameSpec};

    #[test]
    fn the_builtin_lexicon_is_general_and_complete() {
        let framing = builtin();
        assert_eq!(framing.frame.len(), 15, "the Policy Frames Codebook's 15");
        let categories: Vec<&str> = framing.loaded.iter().map(|l| l.category.as_str()).collect();
        assert_eq!(
            categories,
            [
                "evaluative",
                "intensifier",
                "hedge",
                "attribution verb",
                "label"
            ]
        );
        assert!(framing.naming.is_empty() && framing.topic.is_empty());
        assert!(framing.fact.iter().any(|f| f.id == "signing"));
    }

    fn frame(id: &str, label: &str, cues: &[&str], replace: bool) -> FrameSpec {
        FrameSpec {
            id: id.into(),
            label: label.into(),
            description: String::new(),
            cues: cues.iter().map(|c| c.to_string()).collect(),
            replace,
        }
    }

    #[test]
    fn a_dossier_adds_to_replaces_or_extends_the_builtin_rows() {
        let builtin = Framing {
            frame: vec![
                frame("economic", "Economic", &["trade", "tax"], false),
                frame("legal", "Legal", &["court"], false),
            ],
            ..Framing::default()
        };
        let own = Framing {
            frame: vec![
                frame("economic", "", &["tariff*", "trade"], false),
                frame("legal", "Law", &["statute"], true),
                frame("water", "", &["river"], false),
            ],
            topic: vec![CueGroup {
                id: "lakes".into(),
                label: "Lakes".into(),
                cues: vec!["lake".into()],
                replace: false,
            }],
            ..Framing::default()
        };
        let merged = own.laid_over(builtin);
        let rows: Vec<(&str, &str, Vec<&str>)> = merged
            .frame
            .iter()
            .map(|f| {
                (
                    f.id.as_str(),
                    f.label.as_str(),
                    f.cues.iter().map(String::as_str).collect(),
                )
            })
            .collect();
        assert_eq!(
            rows,
            [
                ("economic", "Economic", vec!["trade", "tax", "tariff*"]),
                ("legal", "Law", vec!["statute"]),
                ("water", "water", vec!["river"]),
            ]
        );
        assert_eq!(merged.topic[0].label, "Lakes");
    }

    #[test]
    fn no_file_means_the_builtin_lexicons() {
        let framing = effective(None);
        assert_eq!(framing.frame.len(), builtin().frame.len());
        assert!(framing.naming.is_empty());
    }
}
