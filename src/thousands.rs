//! `1000000` as `1,000,000`: the counts a user reads at a glance (the resident limit, the
//! page's "N more not listed", benchmark figures).

/// A run of ASCII digits with a comma before every group of three from the right.
pub fn group_thousands(digits: &str) -> String {
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A count (any unsigned integer) with thousands separators.
pub fn thousands(n: impl std::fmt::Display) -> String {
    group_thousands(&n.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_from_the_right() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(12_345), "12,345");
        assert_eq!(thousands(1_000_000), "1,000,000");
        assert_eq!(group_thousands("9950"), "9,950");
    }
}
