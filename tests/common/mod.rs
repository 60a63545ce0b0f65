//! Helpers the engine API tests share.

use fanout::engine::*;
use std::collections::BTreeMap;

/// Creates queue `name` with `attrs` and returns its URL; the seed is in any panic.
pub fn create(e: &mut Engine, name: &str, attrs: &[(&str, &str)]) -> String {
    let attributes: BTreeMap<String, String> = attrs
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    match e
        .apply(Command::CreateQueue {
            queue_name: name.into(),
            attributes,
            tags: BTreeMap::new(),
        })
        .unwrap()
    {
        Reply::QueueUrl(u) => u,
        r => panic!("seed {}: unexpected {r:?}", e.config().seed),
    }
}
