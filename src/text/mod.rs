//! Reusable pieces of text handling that belong to no stage: any stage may use
//! them, and they import none.

pub mod names;
