//! `collect_map()`: `collect::<BTreeMap<_, _>>()` for the page's size.
//!
//! The standard `collect` into a `BTreeMap` gathers the pairs in a `Vec`, sorts them with a
//! stable sort and bulk-builds the tree, and every collecting call site gets its own copy
//! of that sort and builder (3 to 9 KB of WebAssembly each). Inserting one pair at a time
//! shares `BTreeMap::insert` between all the call sites of one map type.

use std::collections::BTreeMap;

pub trait CollectMap<K: Ord, V>: Iterator<Item = (K, V)> + Sized {
    /// The same map as `collect()`: a later pair replaces an earlier one with the same key.
    fn collect_map(self) -> BTreeMap<K, V> {
        let mut map = BTreeMap::new();
        for (k, v) in self {
            map.insert(k, v);
        }
        map
    }
}

impl<K: Ord, V, I: Iterator<Item = (K, V)>> CollectMap<K, V> for I {}

#[cfg(test)]
mod tests {
    use super::CollectMap;
    use std::collections::BTreeMap;

    #[test]
    fn same_map_as_collect_with_repeated_keys() {
        let pairs = [("b", 1), ("a", 2), ("b", 3), ("c", 4), ("a", 5)];
        let collected: BTreeMap<_, _> = pairs.into_iter().collect();
        assert_eq!(pairs.into_iter().collect_map(), collected);
        assert_eq!(collected, BTreeMap::from([("a", 5), ("b", 3), ("c", 4)]));
    }
}
