"""The lifecycle workload of `fanout bench` through moto in-process (boto3 + mock_aws).

    python3 scripts/bench_moto.py [COUNT]

Send + receive + delete on one standard queue in batches of 10, COUNT messages in all, as
src/bench/lifecycles.rs does against the engine. Prints one JSON object: moto's
lifecycles per second, or an "error" saying why it could not run.
"""

import json
import os
import sys
import time


def main():
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    try:
        import boto3
        import moto
        from moto import mock_aws
    except ImportError as e:
        print(json.dumps({"error": f"moto and boto3 are not importable by {sys.executable}: {e}"}))
        return
    # boto3 wants credentials and a region even though mock_aws answers in-process.
    os.environ.setdefault("AWS_ACCESS_KEY_ID", "testing")
    os.environ.setdefault("AWS_SECRET_ACCESS_KEY", "testing")
    body = "x" * 100
    with mock_aws():
        sqs = boto3.client("sqs", region_name="us-east-1")
        url = sqs.create_queue(QueueName="bench-lifecycles")["QueueUrl"]
        started = time.perf_counter()
        done = 0
        while done < count:
            size = min(10, count - done)
            entries = [{"Id": str(i), "MessageBody": body} for i in range(size)]
            sqs.send_message_batch(QueueUrl=url, Entries=entries)
            pending = size
            while pending > 0:
                got = sqs.receive_message(QueueUrl=url, MaxNumberOfMessages=pending)
                messages = got.get("Messages", [])
                if not messages:
                    print(json.dumps({"error": f"moto returned no message after {done}"}))
                    return
                sqs.delete_message_batch(
                    QueueUrl=url,
                    Entries=[
                        {"Id": str(i), "ReceiptHandle": m["ReceiptHandle"]}
                        for i, m in enumerate(messages)
                    ],
                )
                pending -= len(messages)
                done += len(messages)
        seconds = time.perf_counter() - started
    print(
        json.dumps(
            {
                "lifecycles_per_sec": done / seconds,
                "lifecycles": done,
                "moto": moto.__version__,
                "boto3": boto3.__version__,
            }
        )
    )


if __name__ == "__main__":
    main()
