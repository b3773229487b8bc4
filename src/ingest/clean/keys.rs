//! The comparison keys of the blocks, each worked out once: several structural
//! rules compare the same paragraphs, and a key costs a pass over the text.

use super::Judged;
use crate::text::comparison_key;
use std::cell::OnceCell;

pub(super) struct Keys(Vec<OnceCell<String>>);

impl Keys {
    pub(super) fn new(blocks: usize) -> Keys {
        Keys((0..blocks).map(|_| OnceCell::new()).collect())
    }

    /// The key of block `i`. Only for once trimmed ends are cut: no rule changes
    /// a block's text after that.
    pub(super) fn of(&self, i: usize, judged: &[Judged]) -> &str {
        self.0[i].get_or_init(|| comparison_key(&judged[i].text))
    }
}
