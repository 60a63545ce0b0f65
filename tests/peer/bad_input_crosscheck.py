#!/usr/bin/env python3
"""Run the AWS CLI rows of tests/data/bad_input_catalogue.json through the real AWS CLI
against moto (the shared kit's peer.sh) and record what the CLI printed and its exit status
in tests/data/bad_input_aws_cli.json. See docs/BAD_INPUT.md, "Cross-checked".

usage: tests/peer/bad_input_crosscheck.py      env: CONFORMANCE (default /work/shared/conformance),
       PEER_VENV (a directory whose bin/ has moto_server and the AWS CLI v2's aws), PEER_PORT.

One peer.sh run (one moto) serves every row: the scenario is set up once and set up again,
after a moto reset, only after a row that moto accepted (so that row may have changed it).
"""
import json, os, subprocess, sys, tempfile

root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
conf = os.environ.get("CONFORMANCE", "/work/shared/conformance")
catalogue = json.load(open(os.path.join(root, "tests/data/bad_input_catalogue.json")))
rows = [c for c in catalogue["cases"] if c["input"].startswith("aws")]

work = tempfile.mkdtemp(prefix="bad-input-")
with open(os.path.join(work, "body.txt"), "w") as f:
    f.write("hello")
name, times = catalogue["repeat"]["BIG"]
with open(os.path.join(work, "big.txt"), "w") as f:
    f.write(name * times)
setup = [l for l in catalogue["setup"] if not l.startswith("fanout file") and not l.startswith("BIG=")]
with open(os.path.join(work, "setup.sh"), "w") as f:
    f.write("\n".join(setup) + "\n")
script = [f'cd "{work}"',
          'reset() { curl -s -X POST "http://127.0.0.1:$port/moto-api/reset" >/dev/null; source ./setup.sh; }',
          'source ./setup.sh']
for row in rows:
    with open(os.path.join(work, row["id"] + ".sh"), "w") as f:
        f.write(row["input"] + "\n")
    i = row["id"]
    script.append(f'( source ./{i}.sh ) >{i}.out 2>{i}.err; rc=$?; echo $rc >{i}.rc; '
                  f'[ $rc -eq 0 ] && reset')
with open(os.path.join(work, "all.sh"), "w") as f:
    f.write("\n".join(script) + "\n")
subprocess.run(["bash", os.path.join(conf, "peer.sh"), os.path.join(work, "all.sh")], check=False)
version = subprocess.run([os.path.join(os.environ.get("PEER_VENV", "/tmp/peer"), "bin/aws"),
                          "--version"], capture_output=True, text=True).stdout.strip()
out = {"about": "What the real AWS CLI printed (stdout then stderr) and its exit status for "
                "each AWS CLI row of bad_input_catalogue.json, run against moto by "
                "tests/peer/bad_input_crosscheck.py. Read by tests/bad_input_catalogue.rs.",
       "cli": version, "rows": {}}
for row in rows:
    i = row["id"]
    read = lambda ext: open(os.path.join(work, f"{i}.{ext}"), errors="replace").read()
    out["rows"][i] = {"printed": read("out") + read("err"), "status": int(read("rc"))}
path = os.path.join(root, "tests/data/bad_input_aws_cli.json")
if os.path.exists(path):
    kept = json.load(open(path))
    out.update({k: kept[k] for k in ("framing", "notes") if k in kept})
with open(path, "w") as f:
    json.dump(out, f, indent=2, ensure_ascii=False)
    f.write("\n")
print(f"{len(rows)} rows recorded with {version} in {work}")
