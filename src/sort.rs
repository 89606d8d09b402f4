//! Stable sorting through one merge sort of positions, not `slice::sort*`:
//! each `sort_by`/`sort_by_cached_key` of the standard library is a
//! separate instantiation of its driftsort or ipnsort (3 to 8 KB of
//! WebAssembly each), and the issue, change and completeness lists are
//! short (a few dozen items), so one non-generic sort behind a `dyn`
//! comparison serves them all (issue 18, code size).

use std::cmp::Ordering;

/// Sorts `items` by `cmp`, keeping equal items in their order (as `sort_by`).
pub(crate) fn sort_by<T>(items: &mut Vec<T>, mut cmp: impl FnMut(&T, &T) -> Ordering) {
    if items.len() < 2 {
        return;
    }
    let order = {
        let all = &*items;
        stable_order(all.len(), &mut |a, b| match (all.get(a), all.get(b)) {
            (Some(x), Some(y)) => cmp(x, y),
            _ => Ordering::Equal,
        })
    };
    permute(items, &order);
}

/// Sorts `items` by a key computed once per item, keeping equal keys in
/// their order (as `sort_by_cached_key`).
pub(crate) fn sort_by_cached_key<T, K: Ord>(items: &mut Vec<T>, key: impl FnMut(&T) -> K) {
    if items.len() < 2 {
        return;
    }
    let keys: Vec<K> = items.iter().map(key).collect();
    let order = stable_order(keys.len(), &mut |a, b| keys.get(a).cmp(&keys.get(b)));
    permute(items, &order);
}

/// The positions `0..n` in stable sorted order: a bottom-up merge sort,
/// one instantiation for every caller.
fn stable_order(n: usize, cmp: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<usize> {
    let mut from: Vec<usize> = (0..n).collect();
    let mut into: Vec<usize> = Vec::with_capacity(n);
    let mut width = 1usize;
    while width < n {
        into.clear();
        let mut start = 0;
        while start < n {
            let mid = start.saturating_add(width).min(n);
            let end = mid.saturating_add(width).min(n);
            let left = from.get(start..mid).unwrap_or(&[]);
            let right = from.get(mid..end).unwrap_or(&[]);
            let (mut i, mut j) = (0, 0);
            loop {
                match (left.get(i), right.get(j)) {
                    // The left run first on a tie: stable.
                    (Some(&l), Some(&r)) => {
                        if cmp(r, l) == Ordering::Less {
                            into.push(r);
                            j += 1;
                        } else {
                            into.push(l);
                            i += 1;
                        }
                    }
                    (Some(_), None) => {
                        into.extend_from_slice(left.get(i..).unwrap_or(&[]));
                        break;
                    }
                    (None, _) => {
                        into.extend_from_slice(right.get(j..).unwrap_or(&[]));
                        break;
                    }
                }
            }
            start = end;
        }
        std::mem::swap(&mut from, &mut into);
        width = width.saturating_mul(2);
    }
    from
}

/// Reorders `items` so that position `k` holds the item that was at `order[k]`.
fn permute<T>(items: &mut Vec<T>, order: &[usize]) {
    let mut slots: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(order.iter().filter_map(|&i| slots.get_mut(i).and_then(Option::take)));
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// The same order as the standard library's stable sort, ties included.
        #[test]
        fn sort_by_equals_std(v in proptest::collection::vec((0u8..8, any::<u16>()), 0..200)) {
            let mut ours = v.clone();
            sort_by(&mut ours, |a, b| a.0.cmp(&b.0));
            let mut std = v;
            std.sort_by_key(|a| a.0);
            prop_assert_eq!(ours, std);
        }

        #[test]
        fn sort_by_cached_key_equals_std(v in proptest::collection::vec(any::<(u8, u8)>(), 0..200)) {
            let mut ours = v.clone();
            sort_by_cached_key(&mut ours, |x| x.0 % 5);
            let mut std = v;
            std.sort_by_cached_key(|x| x.0 % 5);
            prop_assert_eq!(ours, std);
        }
    }
}
