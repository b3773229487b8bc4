//! Byte offsets to the line and column a user sees in an editor.

/// 1-based line and column (in characters) of `offset` in `text`.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = floor_char_boundary(text, offset.min(text.len()));
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let col = before[line_start..].chars().count() + 1;
    (line, col)
}

/// Where `value` first appears in `text` as a quoted or bare token, so that an
/// error about a front-matter value can point at it whatever the format.
pub fn find_value(text: &str, value: &str) -> Option<(usize, usize)> {
    if value.is_empty() {
        return None;
    }
    for quote in ["\"", "'"] {
        let quoted = format!("{quote}{value}{quote}");
        if let Some(at) = text.find(&quoted) {
            return Some(line_col(text, at + 1));
        }
    }
    text.find(value).map(|at| line_col(text, at))
}

fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_lines_and_characters() {
        let text = "ab\ncé d\n";
        assert_eq!(line_col(text, 0), (1, 1));
        assert_eq!(line_col(text, 3), (2, 1));
        // "é" is two bytes but one column.
        assert_eq!(line_col(text, 6), (2, 3));
    }

    #[test]
    fn finds_quoted_value_first() {
        let text = "a = \"x\"\nactors = [\"gantz\"]\n";
        assert_eq!(find_value(text, "gantz"), Some((2, 12)));
        assert_eq!(find_value(text, "nobody"), None);
    }
}
