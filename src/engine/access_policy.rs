//! Placeholder: replaced by the complete module (branch s2).
use serde_json::{json, Value};

#[derive(Clone, Debug, PartialEq)]
pub struct PolicyDocument {
    statements: Vec<Value>,
}
pub enum Principal<'a> {
    Account(&'a str),
    Service(&'a str),
}
pub struct Request<'a> {
    pub principal: Principal<'a>,
    pub action: &'a str,
    pub resource: &'a str,
    pub source_arn: Option<&'a str>,
    pub source_account: Option<&'a str>,
}
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Decision {
    Allow { sid: Option<String> },
    ExplicitDeny { sid: Option<String> },
    ImplicitDeny,
}
impl PolicyDocument {
    pub fn parse(json: &str) -> Result<PolicyDocument, String> {
        let v: Value = serde_json::from_str(json).map_err(|e| e.to_string())?;
        let statements = match v.get("Statement") {
            Some(Value::Array(a)) => a.clone(),
            Some(o @ Value::Object(_)) => vec![o.clone()],
            _ => return Err("no Statement".into()),
        };
        Ok(PolicyDocument { statements })
    }
    pub fn evaluate(&self, request: &Request) -> Decision {
        let mut allow = None;
        for s in &self.statements {
            let acts = s
                .get("Action")
                .map(|a| a.to_string().to_lowercase())
                .unwrap_or_default();
            if !(acts.contains(&request.action.to_lowercase())
                || acts.contains("\"*\"")
                || acts.contains(":*"))
            {
                continue;
            }
            let sid = s.get("Sid").and_then(|x| x.as_str()).map(String::from);
            if s.get("Effect").and_then(|e| e.as_str()) == Some("Deny") {
                return Decision::ExplicitDeny { sid };
            }
            if let Some(c) = s.get("Condition") {
                let text = c.to_string();
                if let Some(src) = request.source_arn {
                    if !text.contains(src) {
                        continue;
                    }
                }
            }
            allow = Some(Decision::Allow { sid });
        }
        allow.unwrap_or(Decision::ImplicitDeny)
    }
}
pub fn allow_topic_statement(queue_arn: &str, topic_arn: &str) -> Value {
    json!({"Effect":"Allow","Principal":{"Service":"sns.amazonaws.com"},"Action":"sqs:SendMessage","Resource":queue_arn,"Condition":{"ArnEquals":{"aws:SourceArn":topic_arn}}})
}
pub fn with_statement(policy: Option<&str>, statement: Value) -> String {
    let mut doc: Value = policy
        .and_then(|p| serde_json::from_str(p).ok())
        .unwrap_or(json!({"Version":"2012-10-17","Statement":[]}));
    if let Some(Value::Array(a)) = doc.get_mut("Statement") {
        a.push(statement);
    }
    doc.to_string()
}
pub fn explain(decision: &Decision, request: &Request) -> String {
    match decision {
        Decision::Allow { .. } => "allowed".into(),
        Decision::ExplicitDeny { sid } => format!("statement {sid:?} denies {}", request.action),
        Decision::ImplicitDeny => format!("no statement allows {}", request.action),
    }
}
