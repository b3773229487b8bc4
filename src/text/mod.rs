//! Reusable pieces of text handling that belong to no stage: any stage may use
//! them, and they import none.

pub mod escape;
pub mod names;
pub mod phrases;
pub mod sentences;
pub mod slugs;
pub mod words;

pub use escape::escape_html;
pub use sentences::paragraph_sentences;
pub use slugs::{is_valid_slug, slugify};
pub use words::{
    ceil_boundary, comparison_key, count_words, floor_boundary, normalise_space, text_direction,
    truncate_words, Direction,
};
