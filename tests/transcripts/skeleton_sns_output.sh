# --generate-cli-skeleton output for every SNS operation Fanout simulates.
A=arn:aws:sqs:us-east-1:123456789012:q
U=https://sqs.us-east-1.amazonaws.com/123456789012/q
T=arn:aws:sns:us-east-1:123456789012:t
echo '== confirm-subscription'
aws sns confirm-subscription --topic-arn $T --token t --generate-cli-skeleton output
echo '== create-topic'
aws sns create-topic --name t --generate-cli-skeleton output
echo '== delete-topic'
aws sns delete-topic --topic-arn $T --generate-cli-skeleton output
echo '== get-subscription-attributes'
aws sns get-subscription-attributes --subscription-arn $T:s --generate-cli-skeleton output
echo '== get-topic-attributes'
aws sns get-topic-attributes --topic-arn $T --generate-cli-skeleton output
echo '== list-subscriptions'
aws sns list-subscriptions --generate-cli-skeleton output
echo '== list-subscriptions-by-topic'
aws sns list-subscriptions-by-topic --topic-arn $T --generate-cli-skeleton output
echo '== list-tags-for-resource'
aws sns list-tags-for-resource --resource-arn $T --generate-cli-skeleton output
echo '== list-topics'
aws sns list-topics --generate-cli-skeleton output
echo '== publish'
aws sns publish --topic-arn $T --message m --generate-cli-skeleton output
echo '== publish-batch'
aws sns publish-batch --topic-arn $T --publish-batch-request-entries Id=1,Message=m --generate-cli-skeleton output
echo '== set-subscription-attributes'
aws sns set-subscription-attributes --subscription-arn $T:s --attribute-name a --generate-cli-skeleton output
echo '== set-topic-attributes'
aws sns set-topic-attributes --topic-arn $T --attribute-name a --generate-cli-skeleton output
echo '== subscribe'
aws sns subscribe --topic-arn $T --protocol sqs --generate-cli-skeleton output
echo '== tag-resource'
aws sns tag-resource --resource-arn $T --tags Key=a,Value=b --generate-cli-skeleton output
echo '== unsubscribe'
aws sns unsubscribe --subscription-arn $T:s --generate-cli-skeleton output
echo '== untag-resource'
aws sns untag-resource --resource-arn $T --tag-keys a --generate-cli-skeleton output
