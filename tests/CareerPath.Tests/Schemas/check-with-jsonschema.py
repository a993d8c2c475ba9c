"""Validates JSON instances against the schemas in schemas/ for SchemaTests (tests/CareerPath.Tests).

Why Python: JsonSchema.Net cannot be restored from the package feed (its dependency
JsonPointer.Net is missing there), and Python's jsonschema package, which implements draft
2020-12 and draft 7 with their meta-schemas, is on the machine.

Reads one JSON request per line on stdin and answers each with one JSON line on stdout:
  {"validate": "<schema file name>", "instance": <any JSON>}
      -> {"draft2020": [errors], "draft7": [errors]}
  {"checkSchema": "<schema file name>"}
      -> {"errors": [errors against the draft 2020-12 meta-schema]}
Each error is {"at": "<JSON Pointer into the instance>", "message": "..."}. Draft 7 is what editors
(yaml-language-server) implement, so every instance is judged under both.
"""

import json
import pathlib
import sys

try:
    from jsonschema import Draft7Validator, Draft202012Validator
    from referencing import Registry, Resource
except ImportError as missing:
    print(json.dumps({"fatal": f"{missing}; install it with: pip install 'jsonschema>=4.18'"}), flush=True)
    sys.exit(0)


def pointer(path):
    return "".join("/" + str(part).replace("~", "~0").replace("/", "~1") for part in path)


def errors_of(validator, instance):
    found = sorted(validator.iter_errors(instance), key=lambda e: (pointer(e.absolute_path), e.message))
    return [{"at": pointer(e.absolute_path), "message": e.message} for e in found]


def main():
    folder = pathlib.Path(sys.argv[1])
    schemas = {path.name: json.loads(path.read_text(encoding="utf-8")) for path in sorted(folder.glob("*.schema.json"))}
    registry = Registry().with_resources(
        (schema["$id"], Resource.from_contents(schema)) for schema in schemas.values() if "$id" in schema)
    validators = {
        name: (Draft202012Validator(schema, registry=registry), Draft7Validator(schema, registry=registry))
        for name, schema in schemas.items()
    }
    meta = Draft202012Validator(Draft202012Validator.META_SCHEMA)

    for line in sys.stdin:
        request = json.loads(line)
        if "checkSchema" in request:
            answer = {"errors": errors_of(meta, schemas[request["checkSchema"]])}
        else:
            draft2020, draft7 = validators[request["validate"]]
            answer = {"draft2020": errors_of(draft2020, request["instance"]), "draft7": errors_of(draft7, request["instance"])}
        print(json.dumps(answer), flush=True)


main()
