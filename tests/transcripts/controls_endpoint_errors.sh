# Errors of the endpoint, confirm, inbox and access controls.
fanout endpoint
fanout endpoint https://example.com/hook --available maybe
fanout endpoint https://example.com/hook --latency-ms
fanout endpoint https://example.com/hook --latency-ms soon
fanout endpoint https://example.com/hook --colour red
fanout confirm
fanout confirm https://example.com/hook
fanout confirm a b
fanout inbox
fanout inbox https://nobody.example.com/
fanout access
fanout access open
fanout access lenient strict
fanout
