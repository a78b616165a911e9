//! One sort for the whole crate. The standard library's sorts are generic: each element type and
//! comparison closure got its own copy of quicksort, driftsort and their helpers (about 125 KB of
//! the wasm's raw code, measured with 22 call sites; there are 28). Here the library sorts one
//! thing only, positions compared through a `&dyn Fn`, and the elements are then moved into that
//! order; what each call site instantiates is a few lines. Stable: equal elements keep their order.

use std::cmp::Ordering;

/// The positions `0..len` ordered by `compare`, equal ones in their original order. The one
/// instantiation of the standard library's sort in the crate.
pub fn sorted_positions(len: usize, compare: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    order.sort_unstable_by(|&a, &b| compare(a, b).then(a.cmp(&b)));
    order
}

/// Moves `items` so that position `i` holds what was at `order[i]` (a permutation of the
/// positions), by swaps along each cycle of the permutation: O(n), each position visited once.
fn arrange<T>(items: &mut [T], order: &[usize]) {
    debug_assert_eq!(items.len(), order.len());
    let mut placed = vec![false; order.len()];
    for start in 0..order.len() {
        // `at` holds what was at `start` until the cycle closes back on `start`.
        let mut at = start;
        while !placed[at] {
            placed[at] = true;
            let from = order[at];
            if from == start {
                break;
            }
            items.swap(at, from);
            at = from;
        }
    }
}

/// As `slice::sort_by` (stable).
pub fn sort_by<T>(items: &mut [T], compare: impl Fn(&T, &T) -> Ordering) {
    let order = sorted_positions(items.len(), &|a, b| compare(&items[a], &items[b]));
    arrange(items, &order);
}

/// As `slice::sort_by_key` (stable).
pub fn sort_by_key<T, K: Ord>(items: &mut [T], key: impl Fn(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// As `slice::sort_by_cached_key` (stable): each key computed once.
pub fn sort_by_cached_key<T, K: Ord>(items: &mut [T], key: impl FnMut(&T) -> K) {
    let keys: Vec<K> = items.iter().map(key).collect();
    let order = sorted_positions(items.len(), &|a, b| keys[a].cmp(&keys[b]));
    arrange(items, &order);
}

/// As `slice::sort` (stable).
pub fn sort<T: Ord>(items: &mut [T]) {
    sort_by(items, T::cmp);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every arrangement of up to six elements, with ties, sorts as the standard library's stable
    /// sort does (ties keep their order: the second field tells them apart).
    #[test]
    fn sorts_as_the_standard_stable_sort_does() {
        fn arrangements(n: usize) -> Vec<Vec<usize>> {
            if n == 0 {
                return vec![Vec::new()];
            }
            let mut all = Vec::new();
            for rest in arrangements(n - 1) {
                for at in 0..=rest.len() {
                    let mut next = rest.clone();
                    next.insert(at, n - 1);
                    all.push(next);
                }
            }
            all
        }
        for n in 0..=6 {
            for arrangement in arrangements(n) {
                let items: Vec<(usize, usize)> = arrangement.iter().enumerate().map(|(at, &v)| (v / 2, at)).collect();
                let mut ours = items.clone();
                sort_by_key(&mut ours, |item| item.0);
                let mut theirs = items.clone();
                theirs.sort_by_key(|item| item.0);
                assert_eq!(ours, theirs, "{items:?}");
                let mut cached = items.clone();
                sort_by_cached_key(&mut cached, |item| std::cmp::Reverse(item.0));
                let mut reversed = items.clone();
                reversed.sort_by_key(|item| std::cmp::Reverse(item.0));
                assert_eq!(cached, reversed, "{items:?}");
            }
        }
        let mut words = vec!["pear", "apple", "fig", "apple"];
        sort(&mut words);
        assert_eq!(words, ["apple", "apple", "fig", "pear"]);
    }
}
