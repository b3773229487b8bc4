//! 128-bit fingerprints for the caches of `dossier serve`: two SipHash hashers
//! with keys drawn at random for each session, so no content can be written to
//! make two different inputs collide.

use std::hash::{BuildHasher, DefaultHasher, Hasher, RandomState};

/// What a cache compares instead of its inputs.
pub type Fingerprint = (u64, u64);

/// The two random keys of a session. Fingerprints are comparable only when
/// made with the same keys.
#[derive(Debug, Clone)]
pub struct Keys(RandomState, RandomState);

impl Default for Keys {
    fn default() -> Self {
        Keys(RandomState::new(), RandomState::new())
    }
}

impl Keys {
    pub fn hasher(&self) -> FingerprintHasher {
        FingerprintHasher(self.0.build_hasher(), self.1.build_hasher())
    }

    /// The fingerprint of whatever `feed` writes.
    pub fn of(&self, feed: impl FnOnce(&mut FingerprintHasher)) -> Fingerprint {
        let mut hasher = self.hasher();
        feed(&mut hasher);
        hasher.fingerprint()
    }
}

/// Feeds both hashers at once; a `Hasher` for `Hash` values and an `io::Write`
/// for serialisers.
pub struct FingerprintHasher(DefaultHasher, DefaultHasher);

impl FingerprintHasher {
    /// Bytes of a sequence of parts, length first, so that ("ab", "c") and
    /// ("a", "bc") differ.
    pub fn add(&mut self, bytes: &[u8]) {
        self.write_usize(bytes.len());
        self.write(bytes);
    }

    /// A value's JSON, then an empty part, so that two values in a row are
    /// told apart from one.
    pub fn json(&mut self, value: &impl serde::Serialize) {
        // Writing into a hasher cannot fail; the values hashed serialise.
        let _ = serde_json::to_writer(&mut *self, value);
        self.add(b"");
    }

    pub fn fingerprint(&self) -> Fingerprint {
        (self.0.finish(), self.1.finish())
    }
}

impl Hasher for FingerprintHasher {
    fn write(&mut self, bytes: &[u8]) {
        self.0.write(bytes);
        self.1.write(bytes);
    }

    /// Half the fingerprint; `fingerprint` is what a cache compares.
    fn finish(&self) -> u64 {
        self.0.finish()
    }
}

impl std::io::Write for FingerprintHasher {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        Hasher::write(self, bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::hash::Hash;

    #[test]
    fn parts_are_told_apart_and_keys_matter() {
        let keys = Keys::default();
        let split = |a: &[u8], b: &[u8]| {
            keys.of(|h| {
                h.add(a);
                h.add(b);
            })
        };
        assert_eq!(split(b"ab", b"c"), split(b"ab", b"c"));
        assert_ne!(split(b"ab", b"c"), split(b"a", b"bc"));
        let other = Keys::default();
        assert_ne!(keys.of(|h| "x".hash(h)), other.of(|h| "x".hash(h)));
    }
}
