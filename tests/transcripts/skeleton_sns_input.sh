# --generate-cli-skeleton for every SNS operation Fanout simulates.
echo '== confirm-subscription'
aws sns confirm-subscription --generate-cli-skeleton input
echo '== create-topic'
aws sns create-topic --generate-cli-skeleton input
echo '== delete-topic'
aws sns delete-topic --generate-cli-skeleton input
echo '== get-subscription-attributes'
aws sns get-subscription-attributes --generate-cli-skeleton input
echo '== get-topic-attributes'
aws sns get-topic-attributes --generate-cli-skeleton input
echo '== list-subscriptions'
aws sns list-subscriptions --generate-cli-skeleton input
echo '== list-subscriptions-by-topic'
aws sns list-subscriptions-by-topic --generate-cli-skeleton input
echo '== list-tags-for-resource'
aws sns list-tags-for-resource --generate-cli-skeleton input
echo '== list-topics'
aws sns list-topics --generate-cli-skeleton input
echo '== publish'
aws sns publish --generate-cli-skeleton input
echo '== publish-batch'
aws sns publish-batch --generate-cli-skeleton input
echo '== set-subscription-attributes'
aws sns set-subscription-attributes --generate-cli-skeleton input
echo '== set-topic-attributes'
aws sns set-topic-attributes --generate-cli-skeleton input
echo '== subscribe'
aws sns subscribe --generate-cli-skeleton input
echo '== tag-resource'
aws sns tag-resource --generate-cli-skeleton input
echo '== unsubscribe'
aws sns unsubscribe --generate-cli-skeleton input
echo '== untag-resource'
aws sns untag-resource --generate-cli-skeleton input
