//! `dossier.json` for `dossier serve`, from parts: what does not come from the
//! notes (the sources, actors, claims, discovery and most of the analysis,
//! nearly all of its bytes) is serialised once per corpus key and kept; the
//! notes, events, links, citations and the notes' actors are serialised each
//! time. The bytes are those of [`crate::export::write_json`]: each part is
//! the value serde_json writes for that field, joined as its compact
//! formatter joins a struct's fields (`tests/serve.rs` compares them).

use crate::analyse::Analysis;
use crate::export::{export, Export};
use crate::fingerprint::Fingerprint;
use crate::resolve::Dossier;
use serde::Serialize;
use std::sync::Arc;

/// The serialised parts of the last `dossier.json` that depend only on the
/// corpus, in the order they are written, and the corpus key they were made for.
#[derive(Default)]
pub(super) struct JsonParts {
    corpus: Option<Fingerprint>,
    parts: Vec<Vec<u8>>,
    /// The files of the last two builds. The older one is shown and written no
    /// more once the next build is out, and its buffer is filled again: a
    /// fresh buffer of hundreds of megabytes costs more to touch for the first
    /// time than to fill (the kernel zeroes every page), and that, not the
    /// copying, was most of a note edit's time at 10,000 sources.
    recent: [Option<Arc<Vec<u8>>>; 2],
}

/// Joins fresh and kept parts into one buffer.
struct Assembler<'p> {
    out: Vec<u8>,
    kept: Option<&'p [Vec<u8>]>,
    made: Vec<Vec<u8>>,
    next: usize,
}

impl Assembler<'_> {
    /// A field that does not come from the notes: kept bytes, or made now.
    fn corpus(&mut self, name: &str, value: &impl Serialize) -> serde_json::Result<()> {
        self.key(name)?;
        match self.kept.and_then(|parts| parts.get(self.next)) {
            Some(bytes) => self.out.extend_from_slice(bytes),
            None => {
                let bytes = serde_json::to_vec(value)?;
                self.out.extend_from_slice(&bytes);
                self.made.push(bytes);
            }
        }
        self.next += 1;
        Ok(())
    }

    /// A field that may come from the notes: serialised now.
    fn notes(&mut self, name: &str, value: &impl Serialize) -> serde_json::Result<()> {
        self.key(name)?;
        serde_json::to_writer(&mut self.out, value)
    }

    /// `"name":`, after a comma unless it opens the object.
    fn key(&mut self, name: &str) -> serde_json::Result<()> {
        if !matches!(self.out.last(), Some(b'{')) {
            self.out.push(b',');
        }
        serde_json::to_writer(&mut self.out, name)?;
        self.out.push(b':');
        Ok(())
    }
}

impl JsonParts {
    /// `dossier.json`'s bytes, with the corpus parts kept for `corpus` reused
    /// and those made now kept for the next build.
    pub(super) fn write(
        &mut self,
        dossier: &Dossier,
        analysis: &Analysis,
        corpus: Fingerprint,
    ) -> serde_json::Result<Arc<Vec<u8>>> {
        let reuse = self.corpus == Some(corpus);
        let last_len = self.recent[1].as_ref().map_or(0, |file| file.len());
        // The file of two builds ago, when nothing else holds it any more.
        let mut out = match self.recent[0].take().map(Arc::try_unwrap) {
            Some(Ok(mut buffer)) => {
                buffer.clear();
                buffer
            }
            _ => Vec::new(),
        };
        out.reserve(last_len);
        let mut json = Assembler {
            out,
            kept: reuse.then_some(self.parts.as_slice()),
            made: Vec::new(),
            next: 0,
        };
        // Every field named, so a field added to either type stops the build
        // here until it is written too.
        let Export {
            format,
            generator,
            title,
            summary,
            language,
            base_url,
            sources,
            actors,
            notes,
            events,
            links,
            citations,
            claims,
            analysis: _,
            discovery,
        } = export(dossier, analysis);
        let Analysis {
            mentions,
            first_mention: _,
            actor_coverage,
            source_actors,
            note_actors,
            statements,
            co_mentions,
            comparison,
        } = analysis;
        json.out.push(b'{');
        json.corpus("format", &format)?;
        json.corpus("generator", &generator)?;
        json.corpus("title", &title)?;
        json.corpus("summary", &summary)?;
        json.corpus("language", &language)?;
        json.corpus("base_url", &base_url)?;
        json.corpus("sources", &sources)?;
        json.corpus("actors", &actors)?;
        json.notes("notes", &notes)?;
        json.notes("events", &events)?;
        json.notes("links", &links)?;
        json.notes("citations", &citations)?;
        json.corpus("claims", &claims)?;
        json.key("analysis")?;
        json.out.push(b'{');
        json.corpus("mentions", mentions)?;
        json.corpus("actor_coverage", actor_coverage)?;
        json.corpus("source_actors", source_actors)?;
        json.notes("note_actors", note_actors)?;
        json.corpus("statements", statements)?;
        json.corpus("co_mentions", co_mentions)?;
        json.corpus("comparison", comparison)?;
        json.out.push(b'}');
        json.corpus("discovery", &discovery)?;
        json.out.extend_from_slice(b"}\n");
        let Assembler { out, made, .. } = json;
        if !reuse {
            self.corpus = Some(corpus);
            self.parts = made;
        }
        let file = Arc::new(out);
        self.recent = [self.recent[1].take(), Some(file.clone())];
        Ok(file)
    }
}
