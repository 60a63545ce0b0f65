//! What the engine's cargo-fuzz targets
//! (`fuzz/fuzz_targets/{filter_policy,access_policy,scenario_import}.rs`) and the tests
//! (`tests/policy_properties.rs`, `tests/scenario_import_contract.rs`) do with one input,
//! kept here so that both exercise exactly the same calls. Each function panics only if a
//! parser, an evaluator or the importer breaks its contract: any text ends in a policy,
//! a scenario or a reason, and any request ends in a decision.

use super::access_policy::{explain, PolicyDocument, Principal, Request};
use super::filter_policy::{FilterPolicy, FilterPolicyScope};
use super::journal::Scenario;
use super::message_attributes::{MessageAttributeValue, MessageAttributes};

/// Parses `text`, split at the first NUL, as a filter policy (the part before) and
/// evaluates it against a message built from the rest: up to the next NUL is the body, and
/// each further NUL-separated `name=value` pair as a message attribute whose type the
/// value's shape suggests. `pick` chooses the scope, so both matchers are reached.
pub fn filter_policy(pick: u8, text: &str) {
    let (policy, message) = text.split_once('\0').unwrap_or((text, ""));
    let scope = if pick % 2 == 0 {
        FilterPolicyScope::MessageAttributes
    } else {
        FilterPolicyScope::MessageBody
    };
    let body = message.split('\0').next().unwrap_or_default();
    let attributes = message_attributes(message);
    match FilterPolicy::parse(policy, scope) {
        Ok(parsed) => {
            assert_eq!(parsed.scope(), scope, "scope lost for {policy:?}");
            assert!(
                parsed.combinations() <= super::filter_policy::MAX_COMBINATIONS,
                "{policy:?} was accepted over the complexity limit"
            );
            if let Err(mismatch) = parsed.evaluate(&attributes, body) {
                let _ = mismatch.to_string();
            }
            let _ = parsed.branch_keys();
        }
        Err(reason) => assert!(!reason.is_empty(), "empty reason for {policy:?}"),
    }
}

fn message_attributes(message: &str) -> MessageAttributes {
    message
        .split('\0')
        .skip(1)
        .filter_map(|pair| pair.split_once('='))
        .map(|(name, value)| {
            let attribute = if value.starts_with('[') {
                MessageAttributeValue::string("String.Array", value)
            } else if value.parse::<f64>().is_ok() {
                MessageAttributeValue::string("Number", value)
            } else if let Some(bytes) = value.strip_prefix("b:") {
                MessageAttributeValue::binary("Binary", bytes.as_bytes())
            } else {
                MessageAttributeValue::string("String", value)
            };
            (name.to_string(), attribute)
        })
        .collect()
}

/// Parses `text`, split at NUL bytes, as a resource policy (the first part) and decides a
/// request made of the next parts: principal, action, resource, SourceArn and
/// SourceAccount (an empty or missing part is an absent key). `pick` chooses whether the
/// principal is an account or a service.
pub fn access_policy(pick: u8, text: &str) {
    let mut parts = text.split('\0');
    let document = parts.next().unwrap_or_default();
    let mut next = || parts.next().unwrap_or_default();
    let (principal, action, resource, source_arn, source_account) =
        (next(), next(), next(), next(), next());
    let request = Request {
        principal: if pick % 2 == 0 {
            Principal::Account(principal)
        } else {
            Principal::Service(principal)
        },
        action,
        resource,
        source_arn: (!source_arn.is_empty()).then_some(source_arn),
        source_account: (!source_account.is_empty()).then_some(source_account),
    };
    match PolicyDocument::parse(document) {
        Ok(policy) => {
            let decision = policy.evaluate(&request);
            assert_eq!(
                policy.evaluate(&request),
                decision,
                "{document:?} decided {request:?} two ways"
            );
            assert!(!explain(&decision, &request).is_empty());
            let _ = policy.action_outside("sns");
            let _ = policy.action_outside("sqs");
        }
        Err(reason) => assert!(!reason.is_empty(), "empty reason for {document:?}"),
    }
}

/// Imports `text` as a scenario file would be imported on the page: any text ends in a
/// scenario or a reason, never a panic; a scenario ends in an engine or a reason; and an
/// engine that was accepted exports a scenario that parses back and replays to the same
/// trace (same hash), so saving an imported simulation and loading it again changes
/// nothing.
pub fn scenario_import(text: &str) {
    let scenario = match Scenario::parse(text) {
        Ok(scenario) => scenario,
        Err(reason) => {
            assert!(!reason.is_empty(), "empty reason refusing {text:?}");
            return;
        }
    };
    let engine = match scenario.replay() {
        Ok(engine) => engine,
        Err(reason) => {
            assert!(
                !reason.is_empty(),
                "empty reason refusing to replay {text:?}"
            );
            return;
        }
    };
    let exported = match engine.scenario(scenario.console_history.clone()) {
        Ok(exported) => exported,
        // Refused only when the replay outgrew the journal; the reason says so.
        Err(reason) => {
            assert!(
                !reason.is_empty(),
                "empty reason refusing to export {text:?}"
            );
            return;
        }
    };
    let json = exported.to_json();
    let again = Scenario::parse(&json)
        .unwrap_or_else(|e| panic!("the export of {text:?} does not parse back: {e}"));
    assert_eq!(again, exported, "the export of {text:?} changed on parsing");
    let replayed = again
        .replay()
        .unwrap_or_else(|e| panic!("the export of {text:?} does not replay: {e}"));
    assert_eq!(
        replayed.trace().hash(),
        engine.trace().hash(),
        "the export of {text:?} replays to another trace"
    );
}
