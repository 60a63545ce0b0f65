//! Properties of the filter-policy parser and the resource-policy evaluator: no input makes
//! them panic, and every refusal carries a reason (the same calls as the cargo-fuzz targets
//! `filter_policy` and `access_policy` in `fuzz/`, so the harness also runs where
//! cargo-fuzz cannot). Inputs are made of JSON and policy-grammar fragments so that random
//! documents reach the operators and the evaluator rather than failing on the first byte.
//!
//! Cases: proptest's default (256 per property); `PROPTEST_CASES=20000` for a longer hunt.
#![cfg(not(target_arch = "wasm32"))]

use fanout::engine::harness;
use proptest::prelude::*;

const FILTER_FRAGMENTS: &[&str] = &[
    "{",
    "}",
    "[",
    "]",
    ":",
    ",",
    "\"",
    "\"a\"",
    "\"b\"",
    "\"$or\"",
    "\"prefix\"",
    "\"suffix\"",
    "\"anything-but\"",
    "\"numeric\"",
    "\"exists\"",
    "\"equals-ignore-case\"",
    "\"cidr\"",
    "\"wildcard\"",
    "\"*\"",
    "\"<\"",
    "\">=\"",
    "\"=\"",
    "0",
    "1",
    "-1",
    "1e9",
    "1e10",
    "0.5",
    "true",
    "false",
    "null",
    "\"10.0.0.0/8\"",
    "\"::1/128\"",
    "\"x*y\"",
    " ",
    "\0",
    "a=1",
    "a=red",
    "b=[\"x\",1]",
    "b:z",
    "{\"a\":1}",
    "{\"a\":{\"b\":[1,\"x\"]}}",
    "é",
];

const ACCESS_FRAGMENTS: &[&str] = &[
    "{",
    "}",
    "[",
    "]",
    ":",
    ",",
    "\"Version\"",
    "\"2012-10-17\"",
    "\"2008-10-17\"",
    "\"Statement\"",
    "\"Sid\"",
    "\"s1\"",
    "\"Effect\"",
    "\"Allow\"",
    "\"Deny\"",
    "\"Principal\"",
    "\"NotPrincipal\"",
    "\"AWS\"",
    "\"Service\"",
    "\"*\"",
    "\"Action\"",
    "\"NotAction\"",
    "\"sqs:*\"",
    "\"SNS:Publish\"",
    "\"sqs:Send?essage\"",
    "\"Resource\"",
    "\"NotResource\"",
    "\"arn:aws:sqs:us-east-1:123456789012:q\"",
    "\"arn:*:sqs:*:*:*\"",
    "\"Condition\"",
    "\"ArnLike\"",
    "\"ArnEquals\"",
    "\"StringEquals\"",
    "\"StringNotLikeIfExists\"",
    "\"ForAllValues:StringLike\"",
    "\"ForAnyValue:ArnNotEquals\"",
    "\"Null\"",
    "\"NumericLessThan\"",
    "\"aws:SourceArn\"",
    "\"aws:SourceAccount\"",
    "\"aws:SourceOwner\"",
    "\"true\"",
    "true",
    "1",
    "null",
    " ",
    "\0",
    "123456789012",
    "sns.amazonaws.com",
    "sqs:SendMessage",
    "arn:aws:sqs:us-east-1:123456789012:q",
    "arn:aws:sns:us-east-1:123456789012:t",
];

fn made_of(fragments: &'static [&'static str]) -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(fragments), 0..60).prop_map(|v| v.concat())
}

proptest! {
    #[test]
    fn filter_policy_never_panics_on_fragments(pick in any::<u8>(), text in made_of(FILTER_FRAGMENTS)) {
        harness::filter_policy(pick, &text);
    }

    #[test]
    fn filter_policy_never_panics_on_any_text(pick in any::<u8>(), text in any::<String>()) {
        harness::filter_policy(pick, &text);
    }

    #[test]
    fn access_policy_never_panics_on_fragments(pick in any::<u8>(), text in made_of(ACCESS_FRAGMENTS)) {
        harness::access_policy(pick, &text);
    }

    #[test]
    fn access_policy_never_panics_on_any_text(pick in any::<u8>(), text in any::<String>()) {
        harness::access_policy(pick, &text);
    }
}

/// Valid policies built whole, so that the evaluator (not only the parser) runs on every
/// case: a fragment soup is mostly refused before evaluation.
fn statement() -> impl Strategy<Value = String> {
    let effect = prop::sample::select(&["Allow", "Deny"][..]);
    let principal = prop::sample::select(
        &[
            "\"*\"",
            "{\"AWS\":\"*\"}",
            "{\"AWS\":\"123456789012\"}",
            "{\"Service\":\"sns.amazonaws.com\"}",
        ][..],
    );
    let action = prop::sample::select(
        &[
            "\"*\"",
            "\"sqs:*\"",
            "\"SQS:SendMessage\"",
            "[\"sns:Publish\",\"sqs:Receive*\"]",
        ][..],
    );
    let condition = prop::sample::select(
        &[
            "",
            ",\"Condition\":{\"ArnEquals\":{\"aws:SourceArn\":\"arn:aws:sns:us-east-1:123456789012:t\"}}",
            ",\"Condition\":{\"ArnLike\":{\"aws:SourceArn\":\"arn:aws:sns:*:*:*\"}}",
            ",\"Condition\":{\"StringNotEqualsIfExists\":{\"aws:SourceAccount\":\"123456789012\"}}",
            ",\"Condition\":{\"ForAllValues:StringLike\":{\"aws:SourceOwner\":[\"1*\",\"2?\"]}}",
            ",\"Condition\":{\"Null\":{\"aws:SourceArn\":\"true\"}}",
        ][..],
    );
    (effect, principal, action, condition).prop_map(|(e, p, a, c)| {
        format!("{{\"Effect\":\"{e}\",\"Principal\":{p},\"Action\":{a},\"Resource\":\"*\"{c}}}")
    })
}

proptest! {
    #[test]
    fn access_policy_decides_any_request_against_valid_policies(
        pick in any::<u8>(),
        statements in prop::collection::vec(statement(), 1..4),
        request in prop::collection::vec(made_of(ACCESS_FRAGMENTS), 5),
    ) {
        let document = format!("{{\"Version\":\"2012-10-17\",\"Statement\":[{}]}}", statements.join(","));
        fanout::engine::access_policy::PolicyDocument::parse(&document)
            .map_err(|reason| TestCaseError::fail(format!("{document}: {reason}")))?;
        let request: Vec<String> = request.iter().map(|part| part.replace('\0', "")).collect();
        harness::access_policy(pick, &format!("{document}\0{}", request.join("\0")));
    }
}
