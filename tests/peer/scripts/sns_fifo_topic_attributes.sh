# get-topic-attributes of a FIFO topic adds FifoTopic and ContentBasedDeduplication; set-topic-attributes can switch content-based dedup on
aws sns create-topic --name ledger.fifo --attributes FifoTopic=true
aws sns get-topic-attributes --topic-arn arn:aws:sns:us-east-1:123456789012:ledger.fifo
aws sns set-topic-attributes --topic-arn arn:aws:sns:us-east-1:123456789012:ledger.fifo --attribute-name ContentBasedDeduplication --attribute-value true
aws sns get-topic-attributes --topic-arn arn:aws:sns:us-east-1:123456789012:ledger.fifo --query 'Attributes.[FifoTopic,ContentBasedDeduplication]'
