//! `stable_sort_by`: `slice::sort_by` for the page's size.
//!
//! Every element type (and comparator) sorted with `sort_by` gets its own copy of the standard
//! library's stable sort, about 3.5 KB of WebAssembly each. Sorting positions instead shares
//! one copy, `Vec<usize>::sort_by` with a `dyn` comparator; each call site keeps only the
//! small code that moves its elements into the sorted order. Equal elements keep their order,
//! as with `sort_by`, since equal positions compare by the elements alone and the sort of the
//! positions is itself stable.

use std::cmp::Ordering;

pub fn stable_sort_by<T>(items: &mut Vec<T>, mut compare: impl FnMut(&T, &T) -> Ordering) {
    let order = sorted_positions(items.len(), &mut |a, b| compare(&items[a], &items[b]));
    let mut slots: Vec<Option<T>> = items.drain(..).map(Some).collect();
    // `order` is a permutation, so every slot is taken exactly once.
    items.extend(order.into_iter().filter_map(|i| slots[i].take()));
}

/// `Vec<String>::sort` through the shared sort.
pub fn stable_sort<T: Ord>(items: &mut Vec<T>) {
    stable_sort_by(items, T::cmp);
}

fn sorted_positions(len: usize, compare: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    order.sort_by(|&a, &b| compare(a, b));
    order
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_like_the_standard_stable_sort() {
        // Pairs compared by their first half only, so stability shows in the second.
        let mut seed = 7u64;
        for len in [0, 1, 2, 3, 10, 33, 200] {
            let items: Vec<(u8, usize)> = (0..len)
                .map(|i| {
                    seed = seed
                        .wrapping_mul(6364136223846793005)
                        .wrapping_add(1442695040888963407);
                    ((seed >> 60) as u8, i)
                })
                .collect();
            let mut expected = items.clone();
            expected.sort_by_key(|a| a.0);
            let mut got = items;
            stable_sort_by(&mut got, |a, b| a.0.cmp(&b.0));
            assert_eq!(got, expected, "len {len}");
        }
        let mut words = vec!["b".to_string(), "a".into(), "c".into(), "a".into()];
        stable_sort(&mut words);
        assert_eq!(words, ["a", "a", "b", "c"]);
    }
}
