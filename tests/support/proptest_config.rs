//! The property tests' runner settings, shared by tests/properties.rs and
//! tests/sns_properties.rs.

use proptest::test_runner::{Config as ProptestConfig, FileFailurePersistence};

/// `cases` unless PROPTEST_CASES says otherwise; failing cases are saved next to the test
/// file and tried first on the next run; `max_shrink_iters` bounds how long a failure is
/// shrunk (longer for models whose failures are cheap to replay).
pub fn config(cases: u32, max_shrink_iters: u32) -> ProptestConfig {
    let mut c = ProptestConfig {
        failure_persistence: Some(Box::new(FileFailurePersistence::WithSource(
            "proptest-regressions",
        ))),
        max_shrink_iters,
        ..ProptestConfig::default()
    };
    if std::env::var_os("PROPTEST_CASES").is_none() {
        c.cases = cases;
    }
    c
}
