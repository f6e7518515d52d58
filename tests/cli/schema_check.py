#!/usr/bin/env python3
"""Validates grantkit JSON documents against docs/schema/ (JSON Schema draft 2020-12).

    schema_check.py SCHEMA_DIR FILE...    each FILE's `schema` names its schema: grantkit/<doc>/<n>
                                          → SCHEMA_DIR/<doc>.schema.json, whose `schema` const
                                          must be that version
    schema_check.py SCHEMA_DIR --versions checks SCHEMA_DIR/versions.txt: each schema's digest
                                          recorded with its version (a change bumps the version)

Uses python3-jsonschema (Debian); references between the schema files resolve locally.
"""
import hashlib
import json
import pathlib
import sys
import warnings

import jsonschema

warnings.simplefilter("ignore", DeprecationWarning)  # RefResolver: the API Debian 12's 4.10 has


def load_schemas(folder):
    return {p.name: json.loads(p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.schema.json"))}


def digest(schema):
    return hashlib.sha256(json.dumps(schema, sort_keys=True, ensure_ascii=False).encode()).hexdigest()[:16]


def version_of(schema):
    const = schema.get("properties", {}).get("schema", {}).get("const")
    return const


def check_versions(folder, schemas):
    recorded = {}
    for line in (folder / "versions.txt").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, version, dig = line.split()
            recorded[name] = (version, dig)
    bad = 0
    for name, schema in schemas.items():
        version = version_of(schema) or "-"
        if name not in recorded:
            print(f"{name}: not in versions.txt (add: {name} {version} {digest(schema)})")
            bad += 1
        elif recorded[name] != (version, digest(schema)):
            rv, rd = recorded[name]
            if rv == version:
                print(f"{name}: the schema changed but its version is still {version}: bump the document's "
                      f"`schema` version (code and schema), then record `{name} <new version> <digest>`")
            else:
                print(f"{name}: record the new version: {name} {version} {digest(schema)}")
            bad += 1
    for name in recorded.keys() - schemas.keys():
        print(f"{name}: in versions.txt but not in {folder}")
        bad += 1
    return bad


def main():
    folder = pathlib.Path(sys.argv[1]).resolve()
    schemas = load_schemas(folder)
    if sys.argv[2:] == ["--versions"]:
        sys.exit(1 if check_versions(folder, schemas) else 0)
    store = {(folder / name).as_uri(): s for name, s in schemas.items()}
    failed = 0
    for path in sys.argv[2:]:
        try:
            doc = json.loads(pathlib.Path(path).read_text(encoding="utf-8"))
        except (OSError, ValueError) as e:
            print(f"{path}: not JSON: {e}")
            failed += 1
            continue
        tag = doc.get("schema", "") if isinstance(doc, dict) else ""
        parts = tag.split("/")
        name = f"{parts[1]}.schema.json" if len(parts) == 3 and parts[0] == "grantkit" else None
        if name not in schemas:
            print(f"{path}: no schema for {tag!r} in {folder}")
            failed += 1
            continue
        schema = schemas[name]
        if version_of(schema) != tag:
            print(f"{path}: {tag} but {name} describes {version_of(schema)}")
            failed += 1
            continue
        resolver = jsonschema.RefResolver((folder / name).as_uri(), schema, store=store)
        validator = jsonschema.Draft202012Validator(schema, resolver=resolver)
        errors = sorted(validator.iter_errors(doc), key=lambda e: list(e.absolute_path))
        for e in errors[:5]:
            print(f"{path}: {tag}: at /{'/'.join(map(str, e.absolute_path))}: {e.message[:300]}")
        failed += bool(errors)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
