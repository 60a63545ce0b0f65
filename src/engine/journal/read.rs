//! Reads a scenario file's JSON into a `Scenario`, by hand.
//!
//! serde's derived `Deserialize` for every `Command`, op and spec cost the page about
//! 80 KB gzipped: internally tagged enums and flattened structs are read through serde's
//! buffering `Content` types, so each shape was generated several times over. Here the
//! file is parsed once into a `serde_json::Value` (whose parser the page has anyway) and
//! each shape is read by a few lines over non-generic helpers. The format is the one the
//! derived `Serialize` writes; tests/data/scenario_every_op.json pins it. As with serde's
//! derive, unknown fields are ignored and a missing or null optional field is `None`.

use super::super::actors::{
    ConsumerSpec, Instances, ProcessingTime, ProducerSpec, RatePattern, Target, Template,
};
use super::super::command::{
    ChangeMessageVisibilityBatchEntry, DeleteMessageBatchEntry, EndpointSettings, MessageInput,
    PublishBatchEntry, PublishInput, ReceiveInput, SendMessageBatchEntry,
};
use super::super::message_attributes::{MessageAttributeValue, MessageAttributes};
use super::super::{AccessMode, Chaos, Command, EngineConfig, SimTime};
use super::{Entry, Op, Scenario};
use serde_json::{Map, Value};
use std::collections::BTreeMap;

pub(super) fn scenario(doc: &Value) -> Result<Scenario, String> {
    let top = Obj::new(doc, String::new())?;
    Ok(Scenario {
        fanout: top.u32("fanout")?,
        config: config(&top.obj("config")?)?,
        journal: top
            .list("journal")?
            .iter()
            .map(entry)
            .collect::<Result<_, _>>()?,
        console_history: match top.get("console_history") {
            Some(_) => top.strings("console_history")?,
            None => Vec::new(),
        },
    })
}

/// One JSON object, and where it is in the file for messages (`journal[3].command`).
struct Obj<'a> {
    fields: &'a Map<String, Value>,
    path: String,
}

fn kind(v: &Value) -> String {
    match v {
        Value::Null => "null",
        Value::Bool(b) => return b.to_string(),
        Value::Number(n) => return n.to_string(),
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
    .to_string()
}

fn wrong(path: &str, expected: &str, got: &Value) -> String {
    format!("{path} should be {expected}, not {}", kind(got))
}

impl<'a> Obj<'a> {
    fn new(v: &'a Value, path: String) -> Result<Obj<'a>, String> {
        match v {
            Value::Object(fields) => Ok(Obj { fields, path }),
            _ => Err(wrong(Self::name(&path), "an object", v)),
        }
    }

    fn name(path: &str) -> &str {
        if path.is_empty() {
            "the file"
        } else {
            path
        }
    }

    fn at(&self, key: &str) -> String {
        if self.path.is_empty() {
            key.to_string()
        } else {
            format!("{}.{key}", self.path)
        }
    }

    /// A field that is present and not null.
    fn get(&self, key: &str) -> Option<&'a Value> {
        self.fields.get(key).filter(|v| !v.is_null())
    }

    fn need(&self, key: &str) -> Result<&'a Value, String> {
        self.get(key)
            .ok_or_else(|| format!("{} is missing", self.at(key)))
    }

    fn obj(&self, key: &str) -> Result<Obj<'a>, String> {
        Obj::new(self.need(key)?, self.at(key))
    }

    fn list(&self, key: &str) -> Result<Vec<Obj<'a>>, String> {
        let v = self.need(key)?;
        let items = v
            .as_array()
            .ok_or_else(|| wrong(&self.at(key), "a list", v))?;
        items
            .iter()
            .enumerate()
            .map(|(i, item)| Obj::new(item, format!("{}[{i}]", self.at(key))))
            .collect()
    }

    fn opt_str(&self, key: &str) -> Result<Option<String>, String> {
        self.get(key)
            .map(|v| {
                v.as_str()
                    .map(str::to_string)
                    .ok_or_else(|| wrong(&self.at(key), "a string", v))
            })
            .transpose()
    }

    fn str(&self, key: &str) -> Result<String, String> {
        self.need(key)?;
        Ok(self.opt_str(key)?.unwrap_or_default())
    }

    /// Any whole number in `min..=max`, as i128 so that one helper serves every width.
    fn opt_int(&self, key: &str, min: i128, max: i128) -> Result<Option<i128>, String> {
        let Some(v) = self.get(key) else {
            return Ok(None);
        };
        let n = v
            .as_i64()
            .map(i128::from)
            .or_else(|| v.as_u64().map(i128::from))
            .filter(|n| (min..=max).contains(n));
        n.map(Some).ok_or_else(|| {
            wrong(
                &self.at(key),
                &format!("a whole number from {min} to {max}"),
                v,
            )
        })
    }

    fn int(&self, key: &str, min: i128, max: i128) -> Result<i128, String> {
        self.need(key)?;
        Ok(self.opt_int(key, min, max)?.unwrap_or_default())
    }

    fn opt_u64(&self, key: &str) -> Result<Option<u64>, String> {
        Ok(self.opt_int(key, 0, u64::MAX.into())?.map(|n| n as u64))
    }
    fn u64(&self, key: &str) -> Result<u64, String> {
        Ok(self.int(key, 0, u64::MAX.into())? as u64)
    }
    fn opt_u32(&self, key: &str) -> Result<Option<u32>, String> {
        Ok(self.opt_int(key, 0, u32::MAX.into())?.map(|n| n as u32))
    }
    fn u32(&self, key: &str) -> Result<u32, String> {
        Ok(self.int(key, 0, u32::MAX.into())? as u32)
    }
    fn opt_i64(&self, key: &str) -> Result<Option<i64>, String> {
        Ok(self
            .opt_int(key, i64::MIN.into(), i64::MAX.into())?
            .map(|n| n as i64))
    }
    fn i64(&self, key: &str) -> Result<i64, String> {
        Ok(self.int(key, i64::MIN.into(), i64::MAX.into())? as i64)
    }

    fn f64(&self, key: &str) -> Result<f64, String> {
        let v = self.need(key)?;
        v.as_f64()
            .ok_or_else(|| wrong(&self.at(key), "a number", v))
    }

    fn opt_bool(&self, key: &str) -> Result<Option<bool>, String> {
        self.get(key)
            .map(|v| {
                v.as_bool()
                    .ok_or_else(|| wrong(&self.at(key), "true or false", v))
            })
            .transpose()
    }
    fn bool(&self, key: &str) -> Result<bool, String> {
        self.need(key)?;
        Ok(self.opt_bool(key)?.unwrap_or_default())
    }

    /// A list of strings; a missing one is empty.
    fn strings(&self, key: &str) -> Result<Vec<String>, String> {
        let Some(v) = self.get(key) else {
            return Ok(Vec::new());
        };
        let bad = || wrong(&self.at(key), "a list of strings", v);
        v.as_array()
            .ok_or_else(bad)?
            .iter()
            .map(|s| s.as_str().map(str::to_string).ok_or_else(bad))
            .collect()
    }

    /// An object of strings; a missing one is empty.
    fn string_map(&self, key: &str) -> Result<BTreeMap<String, String>, String> {
        let Some(v) = self.get(key) else {
            return Ok(BTreeMap::new());
        };
        let bad = || wrong(&self.at(key), "an object of strings", v);
        let mut map = BTreeMap::new();
        for (k, s) in v.as_object().ok_or_else(bad)? {
            map.insert(k.clone(), s.as_str().ok_or_else(bad)?.to_string());
        }
        Ok(map)
    }

    /// The name in a tag field (`"action": "SendMessage"`).
    fn tag(&self, key: &str) -> Result<String, String> {
        self.str(key)
    }

    fn unknown(&self, key: &str, got: &str) -> String {
        format!("{} {got:?} is not one this page knows", self.at(key))
    }

    fn template(&self, key: &str) -> Result<Option<Template>, String> {
        self.opt_str(key)?
            .map(|s| Template::parse(&s).map_err(|e| format!("{}: {e}", self.at(key))))
            .transpose()
    }

    fn message_attributes(&self, key: &str) -> Result<MessageAttributes, String> {
        let mut map = MessageAttributes::new();
        let Some(v) = self.get(key) else {
            return Ok(map);
        };
        let all = Obj::new(v, self.at(key))?;
        for name in all.fields.keys() {
            let a = all.obj(name)?;
            let binary_value = match a.get("binary_value") {
                None => None,
                Some(v) => Some(
                    v.as_array()
                        .and_then(|bytes| {
                            bytes
                                .iter()
                                .map(|b| b.as_u64().and_then(|b| u8::try_from(b).ok()))
                                .collect::<Option<Vec<u8>>>()
                        })
                        .ok_or_else(|| wrong(&a.at("binary_value"), "a list of bytes", v))?,
                ),
            };
            let value = MessageAttributeValue {
                data_type: a.str("data_type")?,
                string_value: a.opt_str("string_value")?,
                binary_value,
            };
            map.insert(name.clone(), value);
        }
        Ok(map)
    }
}

fn config(c: &Obj) -> Result<EngineConfig, String> {
    let chaos = c.str("chaos")?;
    Ok(EngineConfig {
        seed: c.u64("seed")?,
        chaos: Chaos::parse(&chaos).ok_or_else(|| c.unknown("chaos", &chaos))?,
        epoch_ms: c.u64("epoch_ms")?,
        access: access(c)?.unwrap_or_default(),
        // Written only when it is not the default (see `EngineConfig`).
        max_resident_messages: c
            .opt_u64("max_resident_messages")?
            .unwrap_or(crate::engine::capacity::DEFAULT_MAX_RESIDENT_MESSAGES),
        trace_window: trace_window(c)?,
    })
}

/// A file may keep a smaller trace than the page's, never a larger or unbounded one: the
/// window is what keeps a long run's memory bounded.
fn trace_window(c: &Obj) -> Result<u32, String> {
    const MOST: u64 = crate::engine::trace::DEFAULT_WINDOW as u64;
    match c.opt_u64("trace_window")? {
        None => Ok(MOST as u32),
        Some(n @ 1..=MOST) => Ok(n as u32),
        Some(n) => Err(format!(
            "{} is {n}; a scenario may keep from 1 to {MOST} trace entries",
            c.at("trace_window")
        )),
    }
}

fn access(o: &Obj) -> Result<Option<AccessMode>, String> {
    o.opt_str("access")?
        .map(|a| AccessMode::parse(&a).ok_or_else(|| o.unknown("access", &a)))
        .transpose()
}

fn entry(e: &Obj) -> Result<Entry, String> {
    let op = e.tag("op")?;
    let name = || e.str("name");
    let op = match op.as_str() {
        "advance" => Op::Advance,
        "command" => Op::Command {
            command: command(&e.obj("command")?)?,
        },
        "set-chaos" => {
            let chaos = e.str("chaos")?;
            Op::SetChaos {
                chaos: Chaos::parse(&chaos).ok_or_else(|| e.unknown("chaos", &chaos))?,
            }
        }
        "set-access" => Op::SetAccess {
            access: access(e)?.ok_or_else(|| format!("{} is missing", e.at("access")))?,
        },
        "reseed" => Op::Reseed {
            seed: e.u64("seed")?,
        },
        "start-producer" => Op::StartProducer {
            name: name()?,
            spec: producer(&e.obj("spec")?)?,
        },
        "start-consumers" => Op::StartConsumers {
            name: name()?,
            spec: consumers(&e.obj("spec")?)?,
        },
        "stop-actor" => Op::StopActor { name: name()? },
        "remove-actor" => Op::RemoveActor { name: name()? },
        other => return Err(e.unknown("op", other)),
    };
    Ok(Entry {
        at: SimTime(e.u64("at")?),
        op,
    })
}

fn producer(s: &Obj) -> Result<ProducerSpec, String> {
    let t = s.obj("target")?;
    let target = match (t.opt_str("queue")?, t.opt_str("topic")?) {
        (Some(url), None) => Target::Queue(url),
        (None, Some(arn)) => Target::Topic(arn),
        _ => return Err(format!("{} should name one queue or one topic", t.path)),
    };
    let p = s.obj("pattern")?;
    let kind = p.tag("pattern")?;
    let pattern = match kind.as_str() {
        "steady" => RatePattern::Steady {
            rate: p.u64("rate")?,
        },
        "burst" => RatePattern::Burst {
            size: p.u64("size")?,
            every_ms: p.u64("every_ms")?,
        },
        "spike" => RatePattern::Spike {
            rate: p.u64("rate")?,
            spike_rate: p.u64("spike_rate")?,
            at_ms: p.u64("at_ms")?,
            for_ms: p.u64("for_ms")?,
        },
        "sine" => RatePattern::Sine {
            rate: p.u64("rate")?,
            amplitude: p.u64("amplitude")?,
            period_ms: p.u64("period_ms")?,
        },
        other => return Err(p.unknown("pattern", other)),
    };
    Ok(ProducerSpec {
        target,
        pattern,
        body: s
            .template("body")?
            .ok_or_else(|| format!("{} is missing", s.at("body")))?,
        group_id: s.template("group_id")?,
        deduplication_id: s.template("deduplication_id")?,
        batch_size: s.u32("batch_size")?,
        count: s.opt_u64("count")?,
        stop_at: s.opt_u64("stop_at")?.map(SimTime),
    })
}

fn consumers(s: &Obj) -> Result<ConsumerSpec, String> {
    let i = s.obj("instances")?;
    let scaling = i.tag("scaling")?;
    let instances = match scaling.as_str() {
        "fixed" => Instances::Fixed {
            count: i.u32("count")?,
        },
        "target-tracking" => Instances::TargetTracking {
            min: i.u32("min")?,
            max: i.u32("max")?,
            acceptable_latency_ms: i.u64("acceptable_latency_ms")?,
            cooldown_ms: i.u64("cooldown_ms")?,
        },
        other => return Err(i.unknown("scaling", other)),
    };
    let p = s.obj("processing")?;
    let distribution = p.tag("distribution")?;
    let processing = match distribution.as_str() {
        "fixed" => ProcessingTime::Fixed { ms: p.u64("ms")? },
        "uniform" => ProcessingTime::Uniform {
            min_ms: p.u64("min_ms")?,
            max_ms: p.u64("max_ms")?,
        },
        "exponential" => ProcessingTime::Exponential {
            mean_ms: p.u64("mean_ms")?,
        },
        other => return Err(p.unknown("distribution", other)),
    };
    Ok(ConsumerSpec {
        queue_url: s.str("queue_url")?,
        instances,
        warm_up_ms: s.u64("warm_up_ms")?,
        max_number_of_messages: s.u32("max_number_of_messages")?,
        wait_time_seconds: s.opt_u32("wait_time_seconds")?,
        visibility_timeout: s.opt_u32("visibility_timeout")?,
        processing,
        failure_probability: s.f64("failure_probability")?,
        crash_probability: s.f64("crash_probability")?,
        idempotent: s.bool("idempotent")?,
    })
}

fn message(m: &Obj) -> Result<MessageInput, String> {
    Ok(MessageInput {
        message_body: m.opt_str("message_body")?.unwrap_or_default(),
        delay_seconds: m.opt_i64("delay_seconds")?,
        message_attributes: m.message_attributes("message_attributes")?,
        message_system_attributes: m.message_attributes("message_system_attributes")?,
        message_deduplication_id: m.opt_str("message_deduplication_id")?,
        message_group_id: m.opt_str("message_group_id")?,
    })
}

fn publish(m: &Obj) -> Result<PublishInput, String> {
    Ok(PublishInput {
        message: m.opt_str("message")?.unwrap_or_default(),
        subject: m.opt_str("subject")?,
        message_structure: m.opt_str("message_structure")?,
        message_attributes: m.message_attributes("message_attributes")?,
        message_deduplication_id: m.opt_str("message_deduplication_id")?,
        message_group_id: m.opt_str("message_group_id")?,
    })
}

fn command(c: &Obj) -> Result<Command, String> {
    let action = c.tag("action")?;
    let queue_url = || c.str("queue_url");
    let topic_arn = || c.str("topic_arn");
    Ok(match action.as_str() {
        "CreateQueue" => Command::CreateQueue {
            queue_name: c.str("queue_name")?,
            attributes: {
                c.need("attributes")?;
                c.string_map("attributes")?
            },
            tags: c.string_map("tags")?,
        },
        "DeleteQueue" => Command::DeleteQueue {
            queue_url: queue_url()?,
        },
        "GetQueueUrl" => Command::GetQueueUrl {
            queue_name: c.str("queue_name")?,
        },
        "ListQueues" => Command::ListQueues {
            queue_name_prefix: c.opt_str("queue_name_prefix")?,
            max_results: c.opt_i64("max_results")?,
            next_token: c.opt_str("next_token")?,
        },
        "SendMessage" => Command::SendMessage {
            queue_url: queue_url()?,
            message: message(c)?,
        },
        "SendMessageBatch" => Command::SendMessageBatch {
            queue_url: queue_url()?,
            entries: c
                .list("entries")?
                .iter()
                .map(|e| {
                    Ok(SendMessageBatchEntry {
                        id: e.str("id")?,
                        message: message(e)?,
                    })
                })
                .collect::<Result<_, String>>()?,
        },
        "ReceiveMessage" => Command::ReceiveMessage {
            queue_url: queue_url()?,
            input: ReceiveInput {
                max_number_of_messages: c.opt_i64("max_number_of_messages")?,
                visibility_timeout: c.opt_i64("visibility_timeout")?,
                wait_time_seconds: c.opt_i64("wait_time_seconds")?,
                attribute_names: c.strings("attribute_names")?,
                message_attribute_names: c.strings("message_attribute_names")?,
                receive_request_attempt_id: c.opt_str("receive_request_attempt_id")?,
            },
        },
        "DeleteMessage" => Command::DeleteMessage {
            queue_url: queue_url()?,
            receipt_handle: c.str("receipt_handle")?,
        },
        "DeleteMessageBatch" => Command::DeleteMessageBatch {
            queue_url: queue_url()?,
            entries: c
                .list("entries")?
                .iter()
                .map(|e| {
                    Ok(DeleteMessageBatchEntry {
                        id: e.str("id")?,
                        receipt_handle: e.str("receipt_handle")?,
                    })
                })
                .collect::<Result<_, String>>()?,
        },
        "ChangeMessageVisibility" => Command::ChangeMessageVisibility {
            queue_url: queue_url()?,
            receipt_handle: c.str("receipt_handle")?,
            visibility_timeout: c.i64("visibility_timeout")?,
        },
        "ChangeMessageVisibilityBatch" => Command::ChangeMessageVisibilityBatch {
            queue_url: queue_url()?,
            entries: c
                .list("entries")?
                .iter()
                .map(|e| {
                    Ok(ChangeMessageVisibilityBatchEntry {
                        id: e.str("id")?,
                        receipt_handle: e.str("receipt_handle")?,
                        visibility_timeout: e.opt_i64("visibility_timeout")?,
                    })
                })
                .collect::<Result<_, String>>()?,
        },
        "GetQueueAttributes" => Command::GetQueueAttributes {
            queue_url: queue_url()?,
            attribute_names: c.strings("attribute_names")?,
        },
        "SetQueueAttributes" => Command::SetQueueAttributes {
            queue_url: queue_url()?,
            attributes: c.string_map("attributes")?,
        },
        "PurgeQueue" => Command::PurgeQueue {
            queue_url: queue_url()?,
        },
        "TagQueue" => Command::TagQueue {
            queue_url: queue_url()?,
            tags: c.string_map("tags")?,
        },
        "UntagQueue" => Command::UntagQueue {
            queue_url: queue_url()?,
            tag_keys: c.strings("tag_keys")?,
        },
        "ListQueueTags" => Command::ListQueueTags {
            queue_url: queue_url()?,
        },
        "AddPermission" => Command::AddPermission {
            queue_url: queue_url()?,
            label: c.str("label")?,
            aws_account_ids: c.strings("aws_account_ids")?,
            actions: c.strings("actions")?,
        },
        "RemovePermission" => Command::RemovePermission {
            queue_url: queue_url()?,
            label: c.str("label")?,
        },
        "ListDeadLetterSourceQueues" => Command::ListDeadLetterSourceQueues {
            queue_url: queue_url()?,
            max_results: c.opt_i64("max_results")?,
            next_token: c.opt_str("next_token")?,
        },
        "StartMessageMoveTask" => Command::StartMessageMoveTask {
            source_arn: c.str("source_arn")?,
            destination_arn: c.opt_str("destination_arn")?,
            max_number_of_messages_per_second: c.opt_i64("max_number_of_messages_per_second")?,
        },
        "ListMessageMoveTasks" => Command::ListMessageMoveTasks {
            source_arn: c.str("source_arn")?,
            max_results: c.opt_i64("max_results")?,
        },
        "CancelMessageMoveTask" => Command::CancelMessageMoveTask {
            task_handle: c.str("task_handle")?,
        },
        "CreateTopic" => Command::CreateTopic {
            name: c.str("name")?,
            attributes: c.string_map("attributes")?,
            tags: c.string_map("tags")?,
        },
        "DeleteTopic" => Command::DeleteTopic {
            topic_arn: topic_arn()?,
        },
        "ListTopics" => Command::ListTopics {
            next_token: c.opt_str("next_token")?,
        },
        "GetTopicAttributes" => Command::GetTopicAttributes {
            topic_arn: topic_arn()?,
        },
        "SetTopicAttributes" => Command::SetTopicAttributes {
            topic_arn: topic_arn()?,
            attribute_name: c.str("attribute_name")?,
            attribute_value: c.opt_str("attribute_value")?,
        },
        "Subscribe" => Command::Subscribe {
            topic_arn: topic_arn()?,
            protocol: c.str("protocol")?,
            endpoint: c.opt_str("endpoint")?,
            attributes: c.string_map("attributes")?,
            return_subscription_arn: c.opt_bool("return_subscription_arn")?.unwrap_or(false),
        },
        "ConfirmSubscription" => Command::ConfirmSubscription {
            topic_arn: topic_arn()?,
            token: c.str("token")?,
            authenticate_on_unsubscribe: c.opt_str("authenticate_on_unsubscribe")?,
        },
        "Unsubscribe" => Command::Unsubscribe {
            subscription_arn: c.str("subscription_arn")?,
        },
        "ListSubscriptions" => Command::ListSubscriptions {
            next_token: c.opt_str("next_token")?,
        },
        "ListSubscriptionsByTopic" => Command::ListSubscriptionsByTopic {
            topic_arn: topic_arn()?,
            next_token: c.opt_str("next_token")?,
        },
        "GetSubscriptionAttributes" => Command::GetSubscriptionAttributes {
            subscription_arn: c.str("subscription_arn")?,
        },
        "SetSubscriptionAttributes" => Command::SetSubscriptionAttributes {
            subscription_arn: c.str("subscription_arn")?,
            attribute_name: c.str("attribute_name")?,
            attribute_value: c.opt_str("attribute_value")?,
        },
        "Publish" => Command::Publish {
            topic_arn: topic_arn()?,
            input: publish(c)?,
        },
        "PublishBatch" => Command::PublishBatch {
            topic_arn: topic_arn()?,
            entries: c
                .list("entries")?
                .iter()
                .map(|e| {
                    Ok(PublishBatchEntry {
                        id: e.str("id")?,
                        input: publish(e)?,
                    })
                })
                .collect::<Result<_, String>>()?,
        },
        "TagResource" => Command::TagResource {
            resource_arn: c.str("resource_arn")?,
            tags: c.string_map("tags")?,
        },
        "UntagResource" => Command::UntagResource {
            resource_arn: c.str("resource_arn")?,
            tag_keys: c.strings("tag_keys")?,
        },
        "ListTagsForResource" => Command::ListTagsForResource {
            resource_arn: c.str("resource_arn")?,
        },
        "SetEndpoint" => {
            let s = c.obj("settings")?;
            Command::SetEndpoint {
                endpoint: c.str("endpoint")?,
                settings: EndpointSettings {
                    available: s.bool("available")?,
                    latency_ms: s.u64("latency_ms")?,
                    error_percent: s.u32("error_percent")?,
                },
            }
        }
        other => return Err(c.unknown("action", other)),
    })
}
