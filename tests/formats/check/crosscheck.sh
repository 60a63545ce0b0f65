# Compares Fanout's table, text and yaml printing with the AWS CLI's, on real responses.
# Run through the shared conformance kit, which starts moto and defines `aws`:
#   cargo build --example format_probe
#   PROBE=$CARGO_TARGET_DIR/debug/examples/format_probe \
#     bash /work/shared/conformance/peer.sh tests/formats/check/crosscheck.sh
# Each case prints `ok` or the difference; ../README.md says what was checked.
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
"$venv/bin/python" -c 'import ruamel.yaml' 2>/dev/null || "$venv/bin/pip" install -q 'ruamel.yaml==0.17.21'
tmp=$(mktemp -d)
fails=0
# check OPERATION QUERY aws-arguments...: the response as JSON, then every format printed
# by the CLI's formatters and by Fanout from that same response.
check() {
    local op=$1 q=$2; shift 2
    aws "$@" --output json > "$tmp/doc.json"
    for f in table text yaml; do
        "$venv/bin/python" "$here/ref.py" "$f" "$op" "$q" < "$tmp/doc.json" > "$tmp/want" 2>&1
        if [ -n "$q" ]; then "$PROBE" "$f" "$op" "$q"; else "$PROBE" "$f" "$op"; fi < "$tmp/doc.json" > "$tmp/got" 2>&1
        if cmp -s "$tmp/want" "$tmp/got"; then echo "ok   $f $*${q:+ --query $q}"
        else echo "DIFF $f $*${q:+ --query $q}"; diff "$tmp/want" "$tmp/got"; fails=$((fails + 1)); fi
    done
}
# paged OPERATION QUERY aws-arguments...: text pages through list operations itself, so
# compare with the CLI's own run rather than its formatter alone.
paged() {
    local op=$1 q=$2; shift 2
    aws "$@" --output json > "$tmp/doc.json"
    if [ -n "$q" ]; then aws "$@" --output text --query "$q"; else aws "$@" --output text; fi > "$tmp/want"
    if [ -n "$q" ]; then "$PROBE" text "$op" "$q"; else "$PROBE" text "$op"; fi < "$tmp/doc.json" > "$tmp/got"
    if cmp -s "$tmp/want" "$tmp/got"; then echo "ok   text (paged) $*${q:+ --query $q}"
    else echo "DIFF text (paged) $*${q:+ --query $q}"; diff "$tmp/want" "$tmp/got"; fails=$((fails + 1)); fi
}
Q=http://127.0.0.1:${port}/123456789012
T=arn:aws:sns:us-east-1:123456789012

paged ListQueues "" sqs list-queues
aws sqs create-queue --queue-name alpha > /dev/null
aws sqs create-queue --queue-name beta --tags team=payments,env=dev > /dev/null
check ListQueues "" sqs list-queues
paged ListQueues "" sqs list-queues
paged ListQueues "" sqs list-queues --max-items 1
paged ListQueues NextToken sqs list-queues --max-items 1
check ListQueues 'QueueUrls[]' sqs list-queues
check ListQueues 'QueueUrls[].[@, `x`]' sqs list-queues
check ListQueues '{n: length(QueueUrls), first: QueueUrls[0], all: QueueUrls}' sqs list-queues
check ListQueues 'QueueUrls[?contains(@, `zzz`)]' sqs list-queues
check ListQueues 'length(QueueUrls)' sqs list-queues
check GetQueueAttributes "" sqs get-queue-attributes --queue-url "$Q/alpha" --attribute-names All
check GetQueueAttributes "" sqs get-queue-attributes --queue-url "$Q/alpha" --attribute-names VisibilityTimeout DelaySeconds
check GetQueueAttributes Attributes.VisibilityTimeout sqs get-queue-attributes --queue-url "$Q/alpha" --attribute-names All
check ListQueueTags "" sqs list-queue-tags --queue-url "$Q/beta"
check ListQueueTags "" sqs list-queue-tags --queue-url "$Q/alpha"
check SendMessage "" sqs send-message --queue-url "$Q/alpha" --message-body 'order 42' --message-attributes '{"color":{"DataType":"String","StringValue":"red"},"n":{"DataType":"Number","StringValue":"7"}}'
check SendMessage "" sqs send-message --queue-url "$Q/beta" --message-body 'line one
line two: café 中文 ✓'
check ReceiveMessage "" sqs receive-message --queue-url "$Q/alpha" --attribute-names All --message-attribute-names All
check ReceiveMessage "" sqs receive-message --queue-url "$Q/beta"
check ReceiveMessage "" sqs receive-message --queue-url "$Q/beta"
check SendMessageBatch "" sqs send-message-batch --queue-url "$Q/alpha" --entries Id=ok,MessageBody=fine Id=late,MessageBody=x,DelaySeconds=901
check SendMessageBatch "" sqs send-message-batch --queue-url "$Q/alpha" --entries Id=a,MessageBody=one Id=b,MessageBody=two
check DeleteQueue "" sqs delete-queue --queue-url "$Q/alpha"

aws sns create-topic --name orders > /dev/null
aws sqs create-queue --queue-name inbox > /dev/null
paged ListSubscriptions "" sns list-subscriptions
aws sns subscribe --topic-arn "$T:orders" --protocol sqs --notification-endpoint arn:aws:sqs:us-east-1:123456789012:inbox > /dev/null
aws sns subscribe --topic-arn "$T:orders" --protocol https --notification-endpoint https://shop.example.com/hook > /dev/null
check ListSubscriptions "" sns list-subscriptions
paged ListSubscriptions "" sns list-subscriptions
check ListSubscriptions 'Subscriptions[].[Protocol, Endpoint]' sns list-subscriptions
check ListTopics "" sns list-topics
check GetTopicAttributes "" sns get-topic-attributes --topic-arn "$T:orders"
aws sns create-topic --name quiet > /dev/null
check Publish "" sns publish --topic-arn "$T:quiet" --message hello
check PublishBatch "" sns publish-batch --topic-arn "$T:quiet" --publish-batch-request-entries Id=a,Message=one Id=b,Message=two
check ListTagsForResource "" sns list-tags-for-resource --resource-arn "$T:orders"
echo "$fails difference(s)"
rm -rf "$tmp"
