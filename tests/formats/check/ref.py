"""What the AWS CLI prints for a JSON response read on stdin: `ref.py FORMAT OPERATION
[QUERY]`, through the CLI's own table and text formatters (awscli v1, whose formatter.py,
table.py and text.py are the same as v2's) and, for yaml, ruamel.yaml configured as the
v2 CLI's YAML formatter configures it (safe dumper, default_flow_style=False)."""
import io, json, sys

import jmespath
from awscli.formatter import TableFormatter
from awscli.text import format_text

fmt, operation = sys.argv[1], sys.argv[2]
query = sys.argv[3] if len(sys.argv) > 3 and sys.argv[3] else None
raw = sys.stdin.read()
doc = json.loads(raw) if raw.strip() else {}
out = io.StringIO()
if fmt == 'table':
    # The formatter applies --query itself, after dropping ResponseMetadata.
    class Args:
        color = 'off'
    Args.query = jmespath.compile(query) if query else None
    TableFormatter(Args())(operation, doc, out)
    sys.stdout.write(out.getvalue())
    sys.exit(0)
if query:
    doc = jmespath.search(query, doc)
if fmt == 'text':
    format_text(doc, out)
elif fmt == 'yaml':
    from ruamel.yaml import YAML
    yaml = YAML(typ='safe', pure=True)
    yaml.default_flow_style = False
    if doc != {}:
        yaml.dump(doc, out)
sys.stdout.write(out.getvalue())
