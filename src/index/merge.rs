//! The merge policy of claimdex's index writer: tantivy's log-structured merging, with every
//! merge capped in documents, so memory stays bounded however large the corpus.
//!
//! A merge reads its segments through memory maps, and every page it touches counts as resident
//! memory of the indexing process until the merge ends. With tantivy's default policy the last
//! merges of a large corpus take eight segments of a tenth of the index each: on the 1 GB bench
//! corpus, peak RSS went past 1 GB with the plain baseline at 993 MB. Capping what one merge
//! reads caps that part of the peak; the price is more segments once the index is larger than a
//! few caps, which a search pays as a little set-up per segment.

use tantivy::index::SegmentMeta;
use tantivy::indexer::{LogMergePolicy, MergeCandidate, MergePolicy};

/// The most documents (passages and document records) one merge reads. A document takes about
/// 1.3 KB of index (stored text, JSON annotations, postings of four text fields), so a merge
/// maps at most about 400 MB of segment files. At 1 GB of corpus (1.9 million documents, the
/// writer flushing segments of ~68,000) that leaves about ten segments.
pub const MAX_MERGE_DOCS: u32 = 300_000;

/// `LogMergePolicy`'s levels, each split into merges of at most `max_docs` documents.
#[derive(Debug)]
pub struct BoundedMergePolicy {
    inner: LogMergePolicy,
    max_docs: u32,
}

impl BoundedMergePolicy {
    pub fn new(max_docs: u32) -> BoundedMergePolicy {
        let mut inner = LogMergePolicy::default();
        // A segment already at the cap can only grow past it: leave it out of the levels.
        inner.set_max_docs_before_merge(max_docs as usize);
        BoundedMergePolicy { inner, max_docs }
    }
}

impl MergePolicy for BoundedMergePolicy {
    fn compute_merge_candidates(&self, segments: &[SegmentMeta]) -> Vec<MergeCandidate> {
        self.inner
            .compute_merge_candidates(segments)
            .into_iter()
            .flat_map(|candidate| {
                let sized: Vec<_> = candidate
                    .0
                    .into_iter()
                    .map(|id| {
                        let docs = segments
                            .iter()
                            .find(|segment| segment.id() == id)
                            .map_or(u32::MAX, SegmentMeta::num_docs);
                        (id, docs)
                    })
                    .collect();
                split(sized, self.max_docs)
            })
            .map(MergeCandidate)
            .collect()
    }
}

/// Groups of at least two items whose sizes add up to at most `max`, smallest items first;
/// an item that fits with no other is left out (it is merged later, or never when at the cap).
fn split<T>(mut items: Vec<(T, u32)>, max: u32) -> Vec<Vec<T>> {
    items.sort_by_key(|(_, size)| *size);
    let mut groups = Vec::new();
    let mut group = Vec::new();
    let mut total: u64 = 0;
    for (item, size) in items {
        if total + u64::from(size) > u64::from(max) {
            if group.len() >= 2 {
                groups.push(std::mem::take(&mut group));
            }
            group.clear();
            total = 0;
        }
        if u64::from(size) <= u64::from(max) {
            group.push(item);
            total += u64::from(size);
        }
    }
    if group.len() >= 2 {
        groups.push(group);
    }
    groups
}

#[cfg(test)]
mod tests {
    use super::split;

    #[test]
    fn a_level_is_split_into_merges_under_the_cap() {
        let level: Vec<(usize, u32)> = (0..8).map(|id| (id, 90)).collect();
        let groups = split(level, 200);
        assert_eq!(groups, vec![vec![0, 1], vec![2, 3], vec![4, 5], vec![6, 7]]);
        let small: Vec<(usize, u32)> = (0..8).map(|id| (id, 10)).collect();
        assert_eq!(split(small, 200), vec![(0..8).collect::<Vec<_>>()]);
    }

    #[test]
    fn nothing_merges_past_the_cap() {
        let level = vec![("a", 150), ("b", 120), ("c", 30), ("d", 300)];
        let groups = split(level.clone(), 200);
        assert_eq!(groups, vec![vec!["c", "b"]]);
        for group in &groups {
            let total: u32 = group
                .iter()
                .map(|name| level.iter().find(|(n, _)| n == name).map_or(0, |(_, s)| *s))
                .sum();
            assert!(total <= 200, "{group:?} holds {total}");
        }
        // A lone item that fits with nothing else is not a merge.
        assert!(split(vec![("a", 150), ("b", 120)], 200).is_empty());
    }
}
