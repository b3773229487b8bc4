//! Slugs: the names of pages and anchors.

/// Turns any name into a valid slug ("Benny Gantz" → "benny-gantz", "Łódź" → "lodz"):
/// the `slug` crate transliterates every script to ASCII (deunicode), as Zola does,
/// and the length is capped so file names stay short.
pub fn slugify(name: &str) -> String {
    let slug = slug::slugify(name);
    let mut end = slug.len().min(80);
    while !slug.is_char_boundary(end) {
        end -= 1;
    }
    let slug = slug[..end].trim_matches('-');
    if slug.is_empty() {
        "untitled".to_string()
    } else {
        slug.to_string()
    }
}

/// A slug as a page or file name may have it: lowercase ASCII words joined by single hyphens.
pub fn is_valid_slug(slug: &str) -> bool {
    !slug.is_empty()
        && slug.len() <= 120
        && slug.starts_with(|c: char| c.is_ascii_lowercase() || c.is_ascii_digit())
        && slug
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && !slug.ends_with('-')
        && !slug.contains("--")
}
