//! The manifest on disk: a binary append log, `manifest-<id>.log`. Here is what changed in a
//! commit, gimme the bytes to append; here are the bytes a commit names, gimme the manifest.
//!
//! Layout: an 8-byte magic, then chunks. A chunk is its body's length (u64, little-endian),
//! the body (records) and the body's CRC-32 (u32, little-endian; blake3 over the 26 MB of a
//! 118,512-file log was a tenth of a re-index). A record is a tag byte
//! and its fields: `PUT` (path, slug, hash, size, mtime, passages, sentences), `REMOVE`
//! (path), `ROOTS` (count, paths), `SCHEMA` (version). Integers are LEB128 varints except the
//! mtime (16 bytes, little-endian); strings and paths are a varint length and their bytes.
//!
//! A full write (a new index, a migrated JSON manifest, a compaction) is one chunk holding the
//! whole manifest; a commit that changed `k` files appends one chunk of `k` records. The commit
//! payload names the file and the length its commit wrote (`Payload::manifest_len`); a reader
//! reads exactly that much, so bytes a killed run appended after it are never read (the next
//! writer cuts them off before appending). Invariant: decoding never panics; a short file, a
//! bad checksum or a bad record is an error naming what is wrong.

use super::manifest::{FileEntry, IndexManifest};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

const MAGIC: &[u8; 8] = b"CDXMAN1\n";
const CHECKSUM_LEN: usize = 4;

const PUT: u8 = 1;
const REMOVE: u8 = 2;
const ROOTS: u8 = 3;
const SCHEMA: u8 = 4;

/// The bytes of a log holding the whole of `manifest` (the magic and one chunk).
pub fn snapshot(manifest: &IndexManifest) -> Vec<u8> {
    let mut body = Vec::with_capacity(manifest.files.len() * 160 + 64);
    body.push(SCHEMA);
    put_varint(&mut body, u64::from(manifest.schema_version));
    put_roots(&mut body, &manifest.roots);
    for (path, entry) in &manifest.files {
        put_entry(&mut body, path, entry);
    }
    let mut bytes = MAGIC.to_vec();
    bytes.extend(chunk(&body));
    bytes
}

/// The chunk to append for a commit: each of `changed` as it now is in `manifest` (a `PUT`, or
/// a `REMOVE` when the manifest no longer has it), and the roots when `roots_changed`.
pub fn delta<'a>(
    manifest: &IndexManifest,
    changed: impl IntoIterator<Item = &'a PathBuf>,
    roots_changed: bool,
) -> Vec<u8> {
    let mut body = Vec::new();
    if roots_changed {
        put_roots(&mut body, &manifest.roots);
    }
    for path in changed {
        match manifest.files.get(path) {
            Some(entry) => put_entry(&mut body, path, entry),
            None => {
                body.push(REMOVE);
                put_path(&mut body, path);
            }
        }
    }
    chunk(&body)
}

/// Decodes the first `len` bytes of a log (the length the last commit wrote). Errors say what
/// is wrong, for `IndexError::Corrupt`.
pub fn decode(bytes: &[u8], len: u64) -> Result<IndexManifest, String> {
    let len = usize::try_from(len).map_err(|_| format!("length {len} too large"))?;
    if bytes.len() < len {
        return Err(format!(
            "ends at byte {} but the last commit wrote {len} bytes (truncated)",
            bytes.len()
        ));
    }
    let bytes = &bytes[..len];
    if bytes.len() < MAGIC.len() || &bytes[..MAGIC.len()] != MAGIC {
        return Err("not a claimdex manifest log (bad magic)".into());
    }
    let mut state = Replay::default();
    let mut at = MAGIC.len();
    while at < bytes.len() {
        let mut reader = Reader {
            bytes,
            at,
            chunk_start: at,
        };
        let body_len = usize::try_from(reader.fixed_u64()?)
            .map_err(|_| format!("chunk at byte {at}: length too large"))?;
        let body_start = reader.at;
        let body_end = body_start
            .checked_add(body_len)
            .filter(|end| end.saturating_add(CHECKSUM_LEN) <= bytes.len())
            .ok_or_else(|| format!("chunk at byte {at} runs past the committed end"))?;
        let body = &bytes[body_start..body_end];
        let checksum = &bytes[body_end..body_end + CHECKSUM_LEN];
        if checksum_of(body) != *checksum {
            return Err(format!("chunk at byte {at}: checksum mismatch"));
        }
        state.apply_chunk(&mut Reader {
            bytes: &bytes[..body_end],
            at: body_start,
            chunk_start: at,
        })?;
        at = body_end + CHECKSUM_LEN;
    }
    Ok(state.manifest)
}

/// The manifest being rebuilt from its records.
#[derive(Default)]
struct Replay {
    manifest: IndexManifest,
}

impl Replay {
    fn apply_chunk(&mut self, reader: &mut Reader) -> Result<(), String> {
        // A snapshot's entries (in path order) are collected and the map built at once
        // (`BTreeMap::from_iter` sorts, one pass over sorted input); inserting one path at a
        // time compares paths `n log n` times.
        let mut sorted_puts: Vec<(PathBuf, FileEntry)> = Vec::new();
        let bulk = self.manifest.files.is_empty();
        while !reader.done() {
            match reader.byte()? {
                PUT => {
                    let (path, entry) = reader.entry()?;
                    if bulk {
                        sorted_puts.push((path, entry));
                    } else {
                        self.flush(&mut sorted_puts);
                        self.manifest.files.insert(path, entry);
                    }
                }
                REMOVE => {
                    let path = reader.path()?;
                    self.flush(&mut sorted_puts);
                    self.manifest.files.remove(&path);
                }
                ROOTS => self.manifest.roots = reader.roots()?,
                SCHEMA => {
                    self.manifest.schema_version = u32::try_from(reader.varint()?)
                        .map_err(|_| reader.error("schema version out of range"))?;
                }
                tag => return Err(reader.error(&format!("unknown record tag {tag}"))),
            }
        }
        self.flush(&mut sorted_puts);
        Ok(())
    }

    fn flush(&mut self, sorted_puts: &mut Vec<(PathBuf, FileEntry)>) {
        if sorted_puts.is_empty() {
            return;
        }
        if self.manifest.files.is_empty() {
            self.manifest.files = BTreeMap::from_iter(std::mem::take(sorted_puts));
        } else {
            self.manifest.files.extend(std::mem::take(sorted_puts));
        }
    }
}

/// A chunk: body length, body, checksum.
fn chunk(body: &[u8]) -> Vec<u8> {
    let mut bytes = Vec::with_capacity(body.len() + 8 + CHECKSUM_LEN);
    bytes.extend_from_slice(&(body.len() as u64).to_le_bytes());
    bytes.extend_from_slice(body);
    bytes.extend_from_slice(&checksum_of(body));
    bytes
}

fn checksum_of(body: &[u8]) -> [u8; CHECKSUM_LEN] {
    crc32fast::hash(body).to_le_bytes()
}

fn put_entry(body: &mut Vec<u8>, path: &Path, entry: &FileEntry) {
    body.push(PUT);
    put_path(body, path);
    put_bytes(body, entry.slug.as_bytes());
    put_bytes(body, entry.hash.as_bytes());
    put_varint(body, entry.size);
    body.extend_from_slice(&entry.mtime_ns.to_le_bytes());
    put_varint(body, entry.passages as u64);
    put_varint(body, entry.sentences as u64);
}

fn put_roots(body: &mut Vec<u8>, roots: &[PathBuf]) {
    body.push(ROOTS);
    put_varint(body, roots.len() as u64);
    for root in roots {
        put_path(body, root);
    }
}

fn put_path(body: &mut Vec<u8>, path: &Path) {
    put_bytes(body, path.as_os_str().as_encoded_bytes());
}

fn put_bytes(body: &mut Vec<u8>, bytes: &[u8]) {
    put_varint(body, bytes.len() as u64);
    body.extend_from_slice(bytes);
}

fn put_varint(body: &mut Vec<u8>, mut value: u64) {
    loop {
        let low = (value & 0x7f) as u8;
        value >>= 7;
        if value == 0 {
            body.push(low);
            return;
        }
        body.push(low | 0x80);
    }
}

/// Reads records from `bytes[at..]` (`bytes` ends where the current chunk's body ends).
struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
    /// Where the chunk starts, for messages.
    chunk_start: usize,
}

impl Reader<'_> {
    fn done(&self) -> bool {
        self.at >= self.bytes.len()
    }

    fn error(&self, what: &str) -> String {
        format!(
            "chunk at byte {}: {what} at byte {}",
            self.chunk_start, self.at
        )
    }

    fn take(&mut self, n: usize) -> Result<&[u8], String> {
        let end = self
            .at
            .checked_add(n)
            .filter(|end| *end <= self.bytes.len())
            .ok_or_else(|| self.error("record runs past its chunk"))?;
        let taken = &self.bytes[self.at..end];
        self.at = end;
        Ok(taken)
    }

    fn byte(&mut self) -> Result<u8, String> {
        Ok(self.take(1)?[0])
    }

    fn fixed_u64(&mut self) -> Result<u64, String> {
        let mut le = [0u8; 8];
        le.copy_from_slice(self.take(8)?);
        Ok(u64::from_le_bytes(le))
    }

    fn fixed_u128(&mut self) -> Result<u128, String> {
        let mut le = [0u8; 16];
        le.copy_from_slice(self.take(16)?);
        Ok(u128::from_le_bytes(le))
    }

    fn varint(&mut self) -> Result<u64, String> {
        let mut value = 0u64;
        for shift in (0..64).step_by(7) {
            let byte = self.byte()?;
            value |= u64::from(byte & 0x7f) << shift;
            if byte & 0x80 == 0 {
                return Ok(value);
            }
        }
        Err(self.error("varint longer than 64 bits"))
    }

    fn usize(&mut self) -> Result<usize, String> {
        let value = self.varint()?;
        usize::try_from(value).map_err(|_| self.error("count out of range"))
    }

    fn bytes(&mut self) -> Result<&[u8], String> {
        let len = self.usize()?;
        self.take(len)
    }

    fn string(&mut self) -> Result<String, String> {
        let bytes = self.bytes()?.to_vec();
        String::from_utf8(bytes).map_err(|_| self.error("text is not UTF-8"))
    }

    fn path(&mut self) -> Result<PathBuf, String> {
        let bytes = self.bytes()?.to_vec();
        path_from_bytes(bytes).ok_or_else(|| self.error("path is not valid here"))
    }

    fn roots(&mut self) -> Result<Vec<PathBuf>, String> {
        let count = self.usize()?;
        // Each root takes at least one byte: a count larger than what is left is damage.
        if count > self.bytes.len().saturating_sub(self.at) {
            return Err(self.error("root count larger than the chunk"));
        }
        (0..count).map(|_| self.path()).collect()
    }

    fn entry(&mut self) -> Result<(PathBuf, FileEntry), String> {
        let path = self.path()?;
        let entry = FileEntry {
            slug: self.string()?,
            hash: self.string()?,
            size: self.varint()?,
            mtime_ns: self.fixed_u128()?,
            passages: self.usize()?,
            sentences: self.usize()?,
        };
        Ok((path, entry))
    }
}

#[cfg(unix)]
fn path_from_bytes(bytes: Vec<u8>) -> Option<PathBuf> {
    use std::os::unix::ffi::OsStringExt;
    Some(PathBuf::from(std::ffi::OsString::from_vec(bytes)))
}

#[cfg(not(unix))]
fn path_from_bytes(bytes: Vec<u8>) -> Option<PathBuf> {
    String::from_utf8(bytes).ok().map(PathBuf::from)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(slug: &str, size: u64) -> FileEntry {
        FileEntry {
            slug: slug.into(),
            hash: format!("{slug}-hash"),
            size,
            mtime_ns: 1_700_000_000_123_456_789,
            passages: 3,
            sentences: 9,
        }
    }

    fn manifest(files: &[(&str, u64)]) -> IndexManifest {
        IndexManifest {
            schema_version: 4,
            roots: vec![PathBuf::from("corpus")],
            files: files
                .iter()
                .map(|(path, size)| (PathBuf::from(path), entry(path, *size)))
                .collect(),
        }
    }

    #[test]
    fn a_snapshot_and_its_appended_changes_replay_to_the_manifest() {
        let first = manifest(&[("corpus/a.txt", 1), ("corpus/b.txt", 2)]);
        let mut log = snapshot(&first);
        let first_len = log.len() as u64;
        let mut second = first.clone();
        second.files.remove(Path::new("corpus/a.txt"));
        second
            .files
            .insert("corpus/c.txt".into(), entry("corpus/c.txt", 3));
        second.roots.push("more".into());
        let changed = [PathBuf::from("corpus/a.txt"), PathBuf::from("corpus/c.txt")];
        log.extend(delta(&second, &changed, true));
        assert_eq!(decode(&log, first_len).unwrap(), first);
        assert_eq!(decode(&log, log.len() as u64).unwrap(), second);
    }

    #[test]
    fn damage_is_an_error_never_a_panic() {
        let log = snapshot(&manifest(&[("corpus/a.txt", 1), ("corpus/b.txt", 2)]));
        let len = log.len() as u64;
        let err = decode(&log[..log.len() - 5], len).err().unwrap();
        assert!(err.contains("truncated"), "{err}");
        let mut flipped = log.clone();
        flipped[20] ^= 0xff;
        let err = decode(&flipped, len).err().unwrap();
        assert!(err.contains("checksum"), "{err}");
        assert!(decode(b"{\"files\":{}}", 12).is_err());
        // Every prefix and every single-byte change decodes or errs, without panicking.
        for cut in 0..log.len() {
            let _ = decode(&log[..cut], cut as u64);
        }
        for at in 0..log.len() {
            let mut changed = log.clone();
            changed[at] = changed[at].wrapping_add(1);
            let _ = decode(&changed, len);
        }
    }

    #[test]
    fn damaged_records_behind_a_good_checksum_are_errors() {
        for body in [
            vec![9u8],
            vec![PUT, 200],
            vec![ROOTS, 0xff, 0xff, 0xff, 0xff, 0x0f],
            vec![
                SCHEMA, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01,
            ],
        ] {
            let mut log = MAGIC.to_vec();
            log.extend(chunk(&body));
            let err = decode(&log, log.len() as u64).err().unwrap();
            assert!(err.starts_with("chunk at byte 8"), "{err}");
        }
    }
}
