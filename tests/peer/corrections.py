#!/usr/bin/env python3
"""Hand corrections to moto's transcripts, one function per case (see README.md for the
reason behind each, with its AWS documentation source).

usage: corrections.py NAME < moto-normalized.json > expected.json
A case without a function here is moto's transcript unchanged.
"""
import json
import sys

URL = "<sqs>/123456789012/"
ARN = "arn:aws:sqs:us-east-1:123456789012:"
SEQ = "<seq>"
BAD_HANDLE = 'The input receipt handle "not-a-handle" is not a valid receipt handle.'


def err(code, op, n=1):
    return [f"{code} {op}"] * n


def count(n):
    return {"Attributes": {"ApproximateNumberOfMessages": str(n)}}


def with_seq(out):
    return dict(out, SequenceNumber=SEQ)


def batch_change_visibility(t):
    t["outputs"][2]["Failed"][0]["Message"] = BAD_HANDLE
    return t


def batch_request_errors(t):
    assert t["outputs"][0] == {"Failed": [], "Successful": []}
    t["outputs"].pop(0)
    t["errors"].append("AWS.SimpleQueueService.EmptyBatchRequest ChangeMessageVisibilityBatch")
    return t


def fifo_dedup_content(t):
    t["outputs"][:4] = [True, False, False, count(3)]
    return t


def fifo_dedup_id(t):
    t["outputs"][0] = True
    return t


def fifo_dedup_scope_group(t):
    t["outputs"][1:4] = [False, True, count(2)]
    return t


def fifo_delay(t):
    t["outputs"][0] = with_seq(t["outputs"][0])
    return t


def fifo_dlq_type(t):
    assert t["outputs"][2] == {"QueueUrl": URL + "work"}
    t["outputs"].pop(2)
    t["errors"] = err("InvalidParameterValue", "CreateQueue", 2)
    return t


def fifo_group_lock(t):
    for i in (0, 1, 4):
        t["outputs"][i] = with_seq(t["outputs"][i])
    return t


def fifo_group_retry(t):
    for i in (0, 1):
        t["outputs"][i] = with_seq(t["outputs"][i])
    return t


def fifo_queue_names(t):
    t["outputs"] = [{"QueueUrl": URL + "jobs.fifo"}, {"QueueUrls": [URL + "jobs.fifo"]}]
    t["errors"] = (err("InvalidParameterValue", "CreateQueue")
                   + err("InvalidAttributeName", "CreateQueue", 2))
    return t


def fifo_requires_dedup(t):
    t["outputs"][0] = with_seq(t["outputs"][0])
    return t


def fifo_requires_group(t):
    t["outputs"][0] = with_seq(t["outputs"][0])
    return t


def message_size_limits(t):
    o = t["outputs"]
    t["outputs"] = [o[0], o[2], o[3], count(3)]
    t["errors"] = (err("MissingParameter", "SendMessage")
                   + err("InvalidParameterValue", "SendMessage", 3))
    return t


def move_task_redrive(t):
    # moto 5.2.5 has no move tasks: everything from start-message-move-task on is written
    # from the API reference.
    t["outputs"] = t["outputs"][:6] + [
        {"TaskHandle": "<task>"},
        [["COMPLETED", ARN + "redrive-dlq", None, 2, 2, None]],
        count(0),
        ["job 1", "job 2"],
    ]
    t["errors"] = []
    return t


def move_task_destination(t):
    t["outputs"] = t["outputs"][:4] + [
        {"TaskHandle": "<task>"},
        [["COMPLETED", ARN + "md-replay", 1, 3, 3]],
        ["a", "b", "c"],
    ]
    t["errors"] = []
    return t


def move_task_cancel(t):
    t["outputs"] = t["outputs"][:4] + [
        [["RUNNING", 1, 10]],
        ["ApproximateNumberOfMessagesMoved"],
        [["CANCELLED", None]],
    ]
    t["errors"] = err("InvalidParameterValue", "StartMessageMoveTask")
    return t


def move_task_errors(t):
    t["outputs"] = t["outputs"][:3] + [0]
    t["errors"] = (err("InvalidParameterValue", "StartMessageMoveTask")
                   + err("ResourceNotFoundException", "StartMessageMoveTask")
                   + err("InvalidParameterValue", "CancelMessageMoveTask"))
    return t


def msg_attrs_names(t):
    t["outputs"] = [t["outputs"][4], count(1)]
    t["errors"] = err("InvalidParameterValue", "SendMessage", 5)
    return t


def msg_attrs_too_many(t):
    t["outputs"] = [t["outputs"][0], count(1)]
    t["errors"] = err("InvalidParameterValue", "SendMessage")
    return t


def msg_attrs_types(t):
    # AWS CLI v2 reads BinaryValue as base64 (cli_binary_format base64): "AQID" is 01 02 03.
    md5 = "c6c307b9d44a5e41e3e7d6648cf2fdc4"
    t["outputs"][0]["MD5OfMessageAttributes"] = md5
    m = t["outputs"][1]["Messages"][0]
    m["MD5OfMessageAttributes"] = md5
    m["MessageAttributes"]["blob"]["BinaryValue"] = "AQID"
    return t


def msg_attrs_values(t):
    t["outputs"] = [t["outputs"][2], count(1)]
    t["errors"] = err("InvalidParameterValue", "SendMessage", 3)
    return t


def set_attrs_errors(t):
    t["outputs"] = [
        {"Attributes": {"DelaySeconds": "0", "MessageRetentionPeriod": "345600",
                        "ReceiveMessageWaitTimeSeconds": "0", "VisibilityTimeout": "30"}},
        {"Attributes": {"DelaySeconds": "900", "MaximumMessageSize": "1024",
                        "MessageRetentionPeriod": "1209600",
                        "ReceiveMessageWaitTimeSeconds": "20", "VisibilityTimeout": "10"}},
    ]
    t["errors"] = (err("InvalidAttributeValue", "SetQueueAttributes", 5)
                   + err("InvalidAttributeName", "SetQueueAttributes", 5))
    return t


def sse_attrs(t):
    o = t["outputs"]
    assert o[2] == {"QueueUrl": URL + "sse-short"} and o[3] == {"QueueUrl": URL + "sse-long"}
    o[1]["Attributes"]["SqsManagedSseEnabled"] = "false"
    t["outputs"] = [o[0], o[1], o[4], o[5]]
    t["errors"] = err("InvalidAttributeValue", "CreateQueue", 2)
    return t


def standard_rejects_dedup_id(t):
    t["outputs"] = [count(0)]
    t["errors"] = err("InvalidParameterValue", "SendMessage")
    return t


def drop_empty_lists(t):
    """SQS's JSON protocol leaves out empty lists (`"Failed": []`, `"queueUrls": []`);
    moto still sends them. A response left empty prints nothing at all."""
    outs = []
    for o in t["outputs"]:
        if isinstance(o, dict) and "<text>" not in o:
            o = {k: v for k, v in o.items() if v != []}
            if not o:
                continue
        outs.append(o)
    t["outputs"] = outs
    return t


def main():
    name = sys.argv[1]
    t = json.load(sys.stdin)
    fix = globals().get(name)
    if callable(fix) and name not in ("main", "drop_empty_lists"):
        t = fix(t)
    t = drop_empty_lists(t)
    print(json.dumps(t, indent=1, sort_keys=True))


if __name__ == "__main__":
    main()
